"""The connector's workspace, as a library: a participant's needs turned into a search,
the shortlist kept in the connector's browser, the printed signposting sheet, the
neighbourhood newsletter and the anonymous gap counts.

Nothing here stores anything about a participant: needs, shortlist and first-visit plans
live in the signed session cookie or in a single request. Only ``gaps`` writes to the
database, and only district × category × language × week tallies.
"""
