"""Reading documents: plain or scraped text, HTML, RSS/Atom feeds, JSON Lines; cleaning boilerplate."""
