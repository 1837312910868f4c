"""The bundled example corpus, shipped inside the package as ``factcheck.seeds``."""
