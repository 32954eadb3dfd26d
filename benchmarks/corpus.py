"""Fixed word lists and sentence templates for the synthetic archive.

Everything is invented: towns, publishers and people are made up, and every web address is
under example.com / example.org / example.net (reserved for documentation, RFC 2606). The
lists are fixed so that a seed always yields the same archive; changing them changes every
generated site (and invalidates the benchmark's cached sites).
"""

from __future__ import annotations

FIRST_NAMES = (
    "Ada", "Adrian", "Aisha", "Alma", "Amir", "Ana", "Arjun", "Beatriz", "Bernard", "Carmen",
    "Caleb", "Chen", "Clara", "Dario", "Dev", "Diana", "Elena", "Emeka", "Esther", "Farah",
    "Felix", "Grace", "Hana", "Hector", "Ines", "Ivan", "Jada", "Jonah", "Joyce", "Kamal",
    "Keiko", "Lars", "Layla", "Leon", "Lucia", "Malik", "Marta", "Mateo", "Mei", "Milo",
    "Nadia", "Nikhil", "Noor", "Omar", "Oren", "Paula", "Priya", "Quinn", "Rafael", "Rosa",
    "Ruth", "Samir", "Sofia", "Tariq", "Tessa", "Tomas", "Uma", "Victor", "Wen", "Yara",
    "Yusuf", "Zara", "Abel", "Celeste",
)

LAST_NAMES = (
    "Abara", "Albescu", "Aldana", "Bakshi", "Balogun", "Barros", "Bellamy", "Brandt", "Castell",
    "Chowdry", "Corwin", "Dalca", "Delacroix", "Dunmore", "Eberhart", "Ekwueme", "Falk", "Ferrante",
    "Galloway", "Garza", "Haddad", "Halvorsen", "Hensley", "Ibarra", "Iwata", "Jaramillo", "Joffe",
    "Kalinski", "Kaur", "Kessler", "Lachance", "Lindqvist", "Lombardi", "Macready", "Mahdavi",
    "Marsh", "Mbeki", "Moravec", "Nakamura", "Navarro", "Novak", "Obi", "Okafor", "Olsen",
    "Ortega", "Pagano", "Petrakis", "Quarles", "Quintero", "Rahimi", "Ramsey", "Rinaldi",
    "Rocha", "Salazar", "Sandoval", "Sato", "Schuyler", "Sorensen", "Szabo", "Tamura", "Tanaka",
    "Thorne", "Torres", "Ueda", "Umarov", "Vance", "Varga", "Velasco", "Wachowski", "Whitlock",
    "Xiong", "Yilmaz", "Yoder", "Zamora", "Zelenko", "Zhou", "Achebe", "Brenner", "Cardenas",
    "Draper",
)

INITIALS = tuple("ABCDEFGHJKLMNPRSTVW")

PLACES = (
    "Riverton", "Maple Falls", "Cedar Bluff", "Port Alder", "Greyhaven", "Lindenburg", "Oak Hollow",
    "Saltmarsh", "Northgate", "Fairmont Springs", "Willow Creek", "Harbor City", "Elmstead",
    "Copper Ridge", "Silverlake", "Brookfield", "Ashford", "Pinecrest", "Redstone", "Bellhaven",
    "Eastwick", "Marlow Bay", "Stonebridge", "Clearwater Junction", "Highmoor", "Lakeshore",
    "Fenwick", "Dunmore Heights", "Westbury", "Kingsport",
)

PUBLISHERS = (
    ("Riverton Ledger", "RivertonLedger.example", "ledger.example.com"),
    ("Maple Falls Courier", "MFCourier.example", "courier.example.com"),
    ("Harbor City Tribune", "HCTribune.example", "tribune.example.com"),
    ("KXRV News 7", "KXRV7.example", "kxrv.example.net"),
    ("Copper Ridge Sentinel", "Sentinel.example", "sentinel.example.org"),
    ("Lakeshore Public Radio", "LPR.example", "radio.example.org"),
    ("Northgate Daily", "NorthgateDaily.example", "daily.example.net"),
    ("Eastwick Gazette", "EastwickGazette.example", "gazette.example.com"),
)

STATIONS = ("KXRV7", "Channel 4", "News 12", "KLPR", "WNGT", "Metro Desk")

ADJECTIVES = (
    "local", "regional", "new", "proposed", "former", "annual", "public", "private", "rural",
    "downtown", "temporary", "unusual", "costly", "modest", "late", "early", "quiet", "crowded",
    "federal", "municipal", "historic", "contested", "popular", "seasonal", "independent",
    "volunteer", "coastal", "northern", "southern", "emergency", "long-awaited", "routine",
)

NOUNS = (
    "council", "budget", "bridge", "library", "school board", "water district", "transit line",
    "hospital", "festival", "harbor", "zoning plan", "election", "petition", "ordinance", "park",
    "fire station", "museum", "market", "clinic", "bus route", "housing project", "tax measure",
    "road repair", "recycling program", "flood wall", "stadium", "court ruling", "audit",
    "shelter", "orchestra", "youth league", "farmers market", "pipeline", "wind farm",
    "community garden", "police review board", "ferry service", "night school",
)

GROUPS = (
    "residents", "officials", "volunteers", "parents", "shop owners", "students", "commuters",
    "nurses", "farmers", "teachers", "neighbors", "retirees", "engineers", "organizers",
)

VERBS = (
    "approved", "rejected", "delayed", "reviewed", "debated", "questioned", "praised", "funded",
    "expanded", "postponed", "announced", "criticized", "defended", "studied", "revisited",
    "challenged", "endorsed", "opposed", "welcomed", "inspected",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

# Sentence templates. Placeholders: {A} adjective, {N} and {M} nouns, {G} group, {V} verb,
# {P} place, {D} weekday, {X} and {Y} small numbers, {Z} a year, {MO} a month.
SENTENCES = (
    "The {A} {N} in {P} was {V} on {D} after weeks of discussion.",
    "Many {G} said the {N} had been {V} too quickly.",
    "Officials in {P} {V} the {A} {N} at a meeting that ran past midnight.",
    "The plan would cost about {X} million dollars over {Y} years, according to the city.",
    "Supporters of the {N} gathered outside city hall on {D} evening.",
    "A spokesperson for the {M} said the agency had not yet {V} the request.",
    "Critics argued that the {A} {N} would do little for {G} in {P}.",
    "The vote was {X} to {Y}, with one member absent.",
    "Some {G} have waited since {Z} for the {N} to open.",
    "The {M} {V} a similar proposal in {MO} {Z}.",
    "Attendance at the {A} {N} rose by {X} percent compared with last year.",
    "Several {G} spoke during the public comment period, most of them in favor.",
    "The {N} is expected to reopen in {MO}, weeks later than first planned.",
    "An independent review found that the {M} had kept poor records since {Z}.",
    "Neighbors near the {N} said traffic had doubled since the spring.",
    "The county has {V} {X} similar requests this year alone.",
    "It was the {A} meeting of the {M} since the election in {Z}.",
    "Engineers {V} the {N} and found cracks in two of its supports.",
    "The {G} of {P} have raised money for the {N} through bake sales and raffles.",
    "State inspectors are scheduled to visit the {N} on {D}.",
    "A lawsuit over the {A} {N} is still pending before a judge in {P}.",
    "Turnout in {P} was the highest in {Y} elections, the clerk said.",
    "The budget sets aside {X} thousand dollars for the {N} and {Y} new positions.",
    "Few {G} expected the {M} to act before the end of {MO}.",
)

QUOTES = (
    "We have been asking for this for {Y} years, and nobody listened until now,",
    "This is about whether the {G} of {P} can trust the {M},",
    "I don't think anyone here wanted the {N} to be {V} like this,",
    "The numbers simply do not add up, and we said so in {MO},",
    "We will keep coming back every {D} until the {M} changes course,",
    "It is a good first step, but it is only a first step,",
    "My family has lived in {P} since {Z}, and we have never seen anything like it,",
    "The {N} belongs to everyone, not just to the people who can afford a lawyer,",
)

ANONYMOUS_SPEAKERS = (
    "said one resident", "said a woman who asked not to be named", "one volunteer said",
    "a shop owner said", "said a parent waiting outside",
)

CLAIMS = (
    "The {N} has not been inspected since {Z}",
    "Property taxes in {P} have risen {X} percent in {Y} years",
    "The {M} spent more on consultants than on repairs last year",
    "Only {X} percent of {G} in {P} use the {N}",
    "The {A} {N} was the first of its kind in the state",
    "The city has {V} every similar request since {Z}",
    "Crime near the {N} fell by half after it opened",
)

RATINGS = ("true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unverifiable")

EVIDENCE = (
    "Inspection records obtained by the archive show a visit in {MO} {Z}.",
    "The county's annual reports give a smaller figure, about {Y} percent.",
    "The {M}'s audited accounts for {Z} list both items separately.",
    "No public record supports this; the {M} did not answer our request.",
    "State figures for {Z} broadly agree, though they count {G} differently.",
    "Two neighboring towns opened a similar {N} earlier, in {Z}.",
)

NOTES = (
    "The {M} was renamed in {Z}; older reports use its former name.",
    "The meeting was held on {D}, not the day the article gives.",
    "The {A} {N} had been proposed twice before, in {Z} and again {Y} years later.",
    "A recording of the meeting is kept by the city clerk.",
    "The figure excludes money from state grants.",
    "This refers to the {N} on the east side of {P}, not the older one downtown.",
)

ROLES = (
    "Member of the {M}", "Spokesperson for the {M}", "Resident of {P}", "Mayor of {P}",
    "Chair of the {M}", "Organizer of the petition", "Witness", "Engineer who reviewed the {N}",
    "Owner of a shop near the {N}", "Attorney for the {G}", "Former member of the {M}",
    "Professor of public policy", "Teacher in {P}",
)

DESCRIPTIONS = (
    "Longtime resident of {P} and a frequent speaker at council meetings.",
    "Served on the {M} from {Z} until {Y} years later.",
    "Journalist covering {P} and the surrounding county.",
    "Community organizer known for work on the {N}.",
    "Attorney in {P}, often representing {G}.",
    "Elected official in {P}.",
)

TOPIC_ADJECTIVES = (
    "Public", "Urban", "Rural", "Municipal", "School", "Water", "Housing", "Transit", "Coastal",
    "Energy", "Election", "Budget", "Health", "Labor", "Youth", "Arts", "Harbor", "Road",
    "Police", "Fire", "Park", "Library", "Farm", "Flood", "Tax", "Zoning", "Court", "Climate",
    "Museum", "Bridge", "Festival", "Market", "Ferry", "Shelter", "Waste", "Broadband",
    "Tourism", "Heritage", "Sports", "Airport",
)

TOPIC_NOUNS = (
    "Policy", "Funding", "Safety", "Reform", "Elections", "Planning", "Services", "Protests",
    "Oversight", "Repairs", "Access", "Contracts", "Lawsuits", "Audits", "Workers", "Closures",
    "Expansion", "Fees", "Records", "Hearings", "Petitions", "Volunteers", "Grants", "Permits",
    "Strikes", "Prices", "Debates", "Accidents", "Inspections", "Appointments", "Ballots",
    "Surveys", "Complaints", "Investigations", "Partnerships", "Budgets", "Schedules", "Leases",
    "Ordinances", "Trials",
)

COMMENT_SENTENCES = (
    "About time someone looked into this.",
    "I was at that meeting and it was not like this at all.",
    "Who is paying for all of it? Not the people who voted for it.",
    "Thank you for covering {P}, nobody else does.",
    "The {N} has been a mess for years.",
    "My kids go to school right next to the {N}.",
    "Same thing happened in {P} back in {Z}.",
    "So the {M} gets another raise? Unbelievable.",
    "Great reporting as always <3",
    "Read the actual report before commenting: https://records.example.org/{Z}/report",
    "This is *exactly* what we warned about.",
    "Does anyone know when the next hearing is?",
)

CODE_BLOCKS = (
    ("python", (
        "# Votes recorded by the clerk",
        "votes = {{\"yes\": {X}, \"no\": {Y}, \"abstain\": 1}}",
        "total = sum(votes.values())",
        "print(f\"{{votes['yes'] / total:.0%}} in favor\")",
    )),
    ("json", (
        "{{",
        "  \"agency\": \"{M}\",",
        "  \"year\": {Z},",
        "  \"budget_millions\": {X},",
        "  \"positions\": {Y}",
        "}}",
    )),
    ("yaml", (
        "meeting: {D}",
        "body: {M}",
        "items:",
        "  - {N}",
        "  - budget amendment {X}",
    )),
    ("sql", (
        "SELECT district, COUNT(*) AS complaints",
        "FROM service_requests",
        "WHERE year = {Z} AND category = '{N}'",
        "GROUP BY district ORDER BY complaints DESC;",
    )),
    ("text", (
        "NOTICE OF PUBLIC HEARING",
        "The {M} of {P} will meet on {D} at {X} p.m.",
        "Agenda item {Y}: the {A} {N}.",
    )),
)

CODE_INTROS = (
    "The clerk's office published the figures in this form:",
    "The data released by the {M} reads as follows:",
    "The notice posted on the door of city hall said:",
)

# Misspellings the "source" printed, each with a sentence to carry it ({w} is the word).
TYPOS = (
    ("recieve", "receive", "Residents will {w} a letter about the changes by the end of the month."),
    ("goverment", "government", "The county {w} has not commented on the {N}."),
    ("occured", "occurred", "The incident {w} shortly after the {N} closed for the night."),
    ("seperate", "separate", "A {w} vote on the {N} is planned for {MO}."),
    ("untill", "until", "The {N} will stay closed {w} repairs are finished."),
    ("publically", "publicly", "The {M} has not {w} explained the delay."),
    ("accomodate", "accommodate", "The hall could not {w} everyone who came on {D}."),
    ("comittee", "committee", "A {w} of {G} will review the {N}."),
    ("definately", "definitely", "Organizers said the {N} will {w} return next year."),
)

SAID = (
    "said the {N} had been {V} without a public vote.",
    "told reporters the {M} would meet again on {D}.",
    "said {G} in {P} deserved a clearer answer.",
    "pointed to a similar {N} in {P} that opened in {Z}.",
    "said the cost had grown by {X} percent since {MO}.",
    "declined to say when the {A} {N} would reopen.",
)

TOPIC_SENTENCES = (
    "The debate over {T} has divided {P} for years.",
    "Questions about {T} came up again at the {D} meeting.",
    "The {M} has not published a plan on {T} since {Z}.",
    "Few {G} expected {T} to dominate the campaign.",
)

LINK_SENTENCES = (
    "The {M} has posted [the full report](https://records.example.org/{Z}/{X}/report) online.",
    "A [recording of the hearing](https://video.example.net/{P_SLUG}/{Z}) is available from the city.",
    "Details are in [the agenda for {D}](https://agenda.example.org/{P_SLUG}/{X}).",
)

TITLES = (
    "{P} Council {V} {A} {N} Plan",
    "{G} Rally Over {A} {N} In {P}",
    "{N} Vote Delayed Again In {P}",
    "What The {A} {N} Means For {G}",
    "{P} {G} Question Cost Of {N}",
    "Judge Rules On {N} Dispute In {P}",
    "{M} {V} After Long Hearing",
    "{A} {N} Draws Crowd On {D}",
)
