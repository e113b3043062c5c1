from .frontdoors.cli import main

main()
