from align.cli import main

# Guarded: --jobs workers started by spawn (macOS, Windows) import the main module again.
if __name__ == "__main__":
    main()
