"""yujuesuan — read, check and write Chinese departmental budget and final-accounts disclosures."""

__version__ = "0.1.0"
