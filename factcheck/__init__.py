"""factcheck: verify claims and quotes against news sources.

Importing the package is cheap; each stage lives in its own module:
``sources`` -> ``attribution`` -> ``store`` -> ``match`` -> ``verdict`` -> ``report``.
"""

__version__ = "0.1.0"
