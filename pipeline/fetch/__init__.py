"""Pulling communiqués from the web into the input folder, the first stage of the pipeline.

    sources.py   the sources file (feeds, listing pages, domains, filter) and the fetch settings
    http.py      one polite HTTP client: robots.txt, rate limit, retries, conditional GET, limits
    feeds.py     the items of an RSS or Atom feed
    listing.py   the item links of a listing page
    page.py      what a downloaded item holds: format, text, title and date, attached PDFs
    store.py     the files and their sidecars under <input folder>/<source>/
    run.py       a fetch of every source, and its report

Then pipeline.read turns each file into text, as it does for files put in the folder by hand.
"""
