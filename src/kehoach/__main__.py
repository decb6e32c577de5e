from kehoach.cli import main

if __name__ == "__main__":  # worker processes (forkserver) import this module again
    main()
