"""Writers of the publishable disclosure: one document of blocks, three formats."""
