"""Text corpora for the demo data.

The demo is what a coach (or a reviewer) sees first, so its text has to model the practice the
app exists for: low-inference evidence (what was said, verbatim; what was done, observably),
strengths-based feedback, and no student names anywhere. Students are "a student", "table 3",
"the reporter"; teachers appear only as "Teacher" inside evidence.

Phrases are ``(template, look-for codes)``. Templates may carry ``{slots}`` (table numbers,
counts) that the generator fills, which is what gives a district-sized data set enough variety
for search and charts to be meaningful. The codes are the demo look-for set's codes; the
generator tags evidence with them, so look-for frequencies follow the text rather than chance.
"""

from __future__ import annotations

from typing import Final

Phrase = tuple[str, tuple[str, ...]]

# --- people and places -------------------------------------------------------------------------

TEACHER_NAMES: Final[tuple[str, ...]] = (
    "Nguyễn Thị Ánh",
    "Zoë Okafor",
    "Ólafur Jónsson",
    "José Álvarez",
    "Priya Raghunathan",
    "Mariam Haddad",
    "Kwame Mensah",
    "Małgorzata Wiśniewska",
    "Chloé Dubois",
    "Hana Kobayashi",
    "Siobhán O'Connell",
    "Tevita Fifita",
    "Rebecca Goldstein",
    "Dmitri Sokolov",
    "Aroha Ngata",
    "Björn Åkesson",
    "Fatima Zahra Benali",
    "Mateo Fernández",
    "Lakshmi Venkataraman",
    "Yusuf Demir",
    "Amara Nwosu",
    "Jürgen Weiß",
    "Ji-woo Park",
    "Thandiwe Dlamini",
    "Renée Lefèvre",
    "Carlos Quispe",
    "Aigerim Seitkali",
    "Leilani Kahananui",
    "Mohammed Al-Amin",
    "Ingrid Halvorsen",
    "Trần Văn Đức",
    "Nomvula Khumalo",
    "Esperanza Ruiz",
    "王芳 (Wang Fang)",
    "Darnell Washington",
    "Sinéad Byrne",
    "Oluwaseun Adeyemi",
    "Marisol Castañeda",
    "Henrik Søndergaard",
    "Aditi Deshpande",
    "Keanu Makoa",
    "Zeynep Yıldız",
    "Gabriel Moreau",
    "Nadia Petrović",
)

#: (name, grade band) per school; the small demo uses the first.
SCHOOLS: Final[tuple[tuple[str, str], ...]] = (
    ("Cedar Hollow Middle School", "middle"),
    ("Lakeview High School", "high"),
    ("Riverbend Middle School", "middle"),
    ("Eastside Academy (6–12)", "high"),
)

GRADES: Final[dict[str, tuple[str, ...]]] = {
    "middle": ("6", "7", "8"),
    "high": ("9", "10", "11", "12"),
}

#: Subject family -> grade band -> course names.
SUBJECTS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "math": {
        "middle": ("Math 6", "Math 7", "Pre-Algebra", "Math 8"),
        "high": ("Algebra I", "Geometry", "Algebra II", "Statistics"),
    },
    "ela": {
        "middle": ("ELA 6", "English 7", "English 8", "Reading Workshop"),
        "high": ("English 9", "English 10", "American Literature", "AP Language"),
    },
    "science": {
        "middle": ("Earth Science", "Life Science", "Physical Science"),
        "high": ("Biology", "Chemistry", "Physics", "Environmental Science"),
    },
    "social": {
        "middle": ("World History", "US History", "Civics"),
        "high": ("World History", "US Government", "Economics", "Geography"),
    },
    "eld": {
        "middle": ("English Language Development", "Newcomer English"),
        "high": ("English Language Development", "ELD Academic Writing"),
    },
}

FAMILY_ORDER: Final[tuple[str, ...]] = (
    "math",
    "ela",
    "science",
    "social",
    "math",
    "ela",
    "science",
    "social",
    "eld",
)

ROOM_PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "math": ("Room {n}", "B-{n}"),
    "ela": ("Room {n}", "Library Annex", "C-{n}"),
    "science": ("Lab {k}", "Science Lab {k}", "Room {n}"),
    "social": ("Room {n}", "A-{n}"),
    "eld": ("Room {n}", "Portable {k}"),
}

# --- the look-for set --------------------------------------------------------------------------

LOOKFOR_SET_NAME: Final = "Student Discourse & Equity of Voice"
LOOKFOR_SET_DESCRIPTION: Final = (
    "A shared set for learning walks and coaching cycles: who is talking, how students build "
    "on and question each other's ideas, and whether every student has a way in."
)

#: (code, title, category, description); hotkeys follow the order (1–8).
LOOKFORS: Final[tuple[tuple[str, str, str, str], ...]] = (
    (
        "SD1",
        "Students build on each other's ideas",
        "Student discourse",
        "Students add on to, revoice or respectfully disagree with a peer, naming whose idea.",
    ),
    (
        "SD2",
        "Students justify with evidence or reasoning",
        "Student discourse",
        "Claims come with a 'because': data, text evidence, a model or a worked step.",
    ),
    (
        "SD3",
        "Students ask each other questions",
        "Student discourse",
        "Questions go student to student, to understand or to push a peer's thinking.",
    ),
    (
        "EV1",
        "Many voices are heard",
        "Equity of voice",
        "Talk is spread across the room, not carried by a few students or one table.",
    ),
    (
        "EV2",
        "Think time before responses",
        "Equity of voice",
        "Silent think or write time before answers are taken, so more students can enter.",
    ),
    (
        "EV3",
        "Every student has a way to respond",
        "Equity of voice",
        "Partner talk, whiteboards, signals or written responses invite all students at once.",
    ),
    (
        "EN1",
        "Students do the cognitive work",
        "Engagement",
        "Students explain, model, test and check; the teacher's talk does not do it for them.",
    ),
    (
        "EN2",
        "Students use success criteria",
        "Engagement",
        "Students refer to criteria, rubrics or examples to check and revise their own work.",
    ),
)

# --- evidence ----------------------------------------------------------------------------------
# Slots: {table} {table2} (1–6, different), {n} {k} (small numbers), {prod} (= n×k),
# {part} {whole} (part <= whole, a count of students or pairs), {secs} (think time),
# {mins} (1–4), {page}, {size} (3–5, a group size).

STUDENT_TALK: Final[dict[str, tuple[Phrase, ...]]] = {
    "math": (
        ('"I think the slope is {n} because it goes up {n} every time."', ("SD2",)),
        ('"Wait, can you say that again? I didn\'t get where the {n} came from."', ("SD3",)),
        (
            '"I agree with table {table}, but I did it a different way. I used a ratio table."',
            ("SD1",),
        ),
        (
            '"If you double the recipe, the ratio stays the same, so it\'s still proportional."',
            ("SD2",),
        ),
        ("\"It can't be proportional, because the line doesn't go through zero.\"", ("SD2",)),
        ('"How do you know the pattern keeps going?"', ("SD3",)),
        ('"We got {prod} too, but we drew an array instead of a tape diagram."', ("SD1",)),
        ('"My mistake was I subtracted instead of adding the negative."', ("EN2",)),
        (
            '"So the y-intercept is like the starting amount, the {n} dollars before you buy '
            'anything."',
            ("SD2", "EN1"),
        ),
        ('"Can we check it with a different number to see if it still works?"', ("SD3", "EN1")),
        (
            '"Building on what they said, the table and the graph both show it grows by {n}."',
            ("SD1",),
        ),
        ('"I\'m not sure yet, but I think x has to be bigger than {n}."', ("EN1",)),
        (
            "\"The area stays the same when you cut the triangle and move it, so it's half the "
            'rectangle."',
            ("SD2",),
        ),
        ('"Which one is the unit rate, {n} per minute or the other way around?"', ("SD3",)),
        ('"I checked the success criteria and I still need to label my axes."', ("EN2",)),
        ("\"Our group thinks it's {prod} square units because it's {n} rows of {k}.\"", ("SD2",)),
        ('"Oh, I see what you did. You made groups of ten first."', ("SD1",)),
        (
            '"I disagree, because {n} times {k} is {prod}, and you wrote something else."',
            ("SD1", "SD2"),
        ),
        ('"Is a negative times a negative always positive, or just here?"', ("SD3",)),
        (
            '"If the mean is {n} and one more person scores zero, the mean has to go down."',
            ("SD2", "EN1"),
        ),
    ),
    "ela": (
        (
            "\"I think the narrator is unreliable because on page {page} he says he wasn't scared, "
            'but his hands were shaking."',
            ("SD2",),
        ),
        ('"Can you show me where in the text it says that?"', ("SD3", "SD2")),
        (
            "\"Adding on to table {table}, the setting kind of mirrors how she feels. It's gray "
            "when she's sad.\"",
            ("SD1",),
        ),
        (
            "\"I respectfully disagree, because the author repeats the word 'alone' four times.\"",
            ("SD1", "SD2"),
        ),
        ("\"So the theme isn't just friendship, it's more like friendship takes work.\"", ("EN1",)),
        ('"What do you think the author wanted us to feel in that last line?"', ("SD3",)),
        ('"My claim is that the character changes, and my evidence is paragraph {n}."', ("SD2",)),
        (
            "\"I changed my mind after hearing the other group, because I didn't notice the "
            'flashback."',
            ("SD1",),
        ),
        ("\"Wait, is that a metaphor or a simile? It doesn't use 'like.'\"", ("SD3",)),
        ('"In my draft I still need a counterclaim. It\'s on the checklist."', ("EN2",)),
        (
            "\"I think 'reluctant' means she didn't really want to, because she walked so "
            'slowly."',
            ("SD2", "EN1"),
        ),
        ('"The title makes more sense now that we know what the letter said."', ("EN1",)),
        ('"Why would the author tell it out of order?"', ("SD3",)),
        ('"I want to add to that: the dialogue is really short, so it feels tense."', ("SD1",)),
        ('"On page {page} the mood shifts. The sentences get longer and calmer."', ("SD2",)),
        ('"Our group thinks the poem is about home, but not a house, more like people."', ("EN1",)),
    ),
    "science": (
        (
            '"The ice melted faster on the metal because metal conducts heat better than plastic."',
            ("SD2",),
        ),
        (
            "\"Our data doesn't match yours. Maybe we didn't wait the same amount of time?\"",
            ("SD3", "SD1"),
        ),
        ('"What if we change only one variable, like just the height of the ramp?"', ("EN1",)),
        (
            "\"I think it's a chemical change, because a gas formed and you can't get it back.\"",
            ("SD2",),
        ),
        (
            '"Can you explain why the mass stayed the same even though it looks like less?"',
            ("SD3",),
        ),
        ('"Adding to that, the bubbles started at about {n} seconds in both trials."', ("SD1",)),
        ('"My prediction was wrong. The heavier ball didn\'t land first."', ("EN2",)),
        (
            '"So the grass is the producer, and the energy goes to the rabbit, then the hawk."',
            ("EN1",),
        ),
        (
            "\"I notice the plants by the window are taller. I wonder if it's the light or the "
            'water."',
            ("SD3",),
        ),
        (
            "\"Our model shows the particles spreading out, so it takes up more space when it's "
            'hot."',
            ("SD2",),
        ),
        ('"We should do a third trial because trial two was way off."', ("EN1", "EN2")),
        (
            '"I agree with table {table}, the pH went down, but ours only went down by {k}."',
            ("SD1",),
        ),
        ('"How did you keep the water the same temperature?"', ("SD3",)),
        (
            '"Our claim is that the heavier cart stops sooner, and the evidence is {n} centimeters '
            'shorter on average."',
            ("SD2",),
        ),
    ),
    "social": (
        ('"I think this source is biased because the writer owned the factory."', ("SD2",)),
        ('"Whose perspective is missing from this map?"', ("SD3",)),
        ('"To build on that, the timeline shows the law passed right after the strike."', ("SD1",)),
        ('"It was a cause, but not the only cause. Trade routes mattered too."', ("SD2",)),
        ('"How do we know the photo wasn\'t staged?"', ("SD3",)),
        (
            '"Our group ranked access to water first, because every city on the list is on a '
            'river."',
            ("SD2", "EN1"),
        ),
        (
            '"I used to think it was just about money, but now I think it was also about power."',
            ("EN2",),
        ),
        (
            '"I disagree with table {table}, because document {k} says the opposite."',
            ("SD1", "SD2"),
        ),
        ('"What was happening in the rest of the world in that year?"', ("SD3",)),
        (
            '"The cartoon is making fun of the senator, you can tell by the size of his hat."',
            ("SD2",),
        ),
        ('"If the vote was {prod} to {n}, then most people in the town agreed."', ("SD2",)),
        ('"Can we compare it with the letter from document {n}?"', ("SD3", "EN1")),
    ),
    "eld": (
        (
            '"First, I think the water evapor... evaporates, and then it goes to the clouds."',
            ("EN1",),
        ),
        ('"Can you say it more slowly, please?"', ("SD3",)),
        ('"I agree with my partner because it is important to be fair."', ("SD1",)),
        ("\"In Spanish we say 'sin embargo.' Is that like 'however'?\"", ("SD3",)),
        ("\"The word 'predict' is like 'predecir'. It looks the same.\"", ("EN1",)),
        ('"I notice the man in the picture is carrying water. I think it is far."', ("SD2",)),
        (
            '"My sentence is: the character is brave because she goes back for her brother."',
            ("SD2",),
        ),
        ("\"What is the meaning of 'harvest'?\"", ("SD3",)),
        ('"I can add: the family moved because there was no work."', ("SD1",)),
        (
            '"I use the frame: I think ___ because ___. I think the answer is B because of the '
            'graph."',
            ("SD2", "EN2"),
        ),
    ),
}

GENERAL_TALK: Final[tuple[Phrase, ...]] = (
    ('"I want to add on to what table {table} said."', ("SD1",)),
    ('"Can you say more about why?"', ("SD3",)),
    (
        "\"I'm not sure, but I think it's because...\" (student pauses; partner waits; student "
        "finishes the idea)",
        ("EV2",),
    ),
    ('"We disagreed at first, but then we checked and both ways work."', ("SD1", "SD2")),
    ('"What does that word mean?"', ("SD3",)),
    ('"Our table decided we need more evidence before we answer."', ("EN1",)),
    ('"Oh! So it\'s the same idea as yesterday, just with bigger numbers."', ("EN1",)),
    ('"Is it okay if I change my answer? I think it\'s the other one now."', ("EN2",)),
    ('"I heard table {table2} say something different. Can they share?"', ("SD1", "EV1")),
    ('"That\'s a good point, but what about the second example?"', ("SD1", "SD3")),
    ('"My partner said it first, but I think she\'s right because..."', ("SD1", "SD2")),
    ('"Can I try explaining it a different way?"', ("EN1",)),
    ('"I didn\'t get it at first, but the example on the board helped."', ("EN2",)),
    ('"Everyone at our table gave one idea, and we put them together."', ("EV1", "SD1")),
)

STUDENT_ACTION: Final[dict[str, tuple[Phrase, ...]]] = {
    "math": (
        (
            "Students at table {table} sort cards into 'proportional' and 'not proportional'.",
            ("EN1",),
        ),
        (
            "Pairs hold up whiteboards; {part} of {whole} boards show an equation with a variable.",
            ("EV3",),
        ),
        (
            "Two students at table {table} trace the line on the graph with a finger while "
            "talking.",
            ("EN1",),
        ),
        (
            "A student draws a tape diagram on the board; three classmates add labels to it.",
            ("EN1", "SD1"),
        ),
        (
            "Students use algebra tiles to model {n}x + {k} and compare models with a partner.",
            ("EN1",),
        ),
        (
            "At table {table}, one student covers the answer and asks a partner to explain step 2.",
            ("SD3", "EN2"),
        ),
        (
            "Students check each other's work against the posted worked example and circle "
            "differences.",
            ("EN2",),
        ),
        (
            "Each group writes one question about the graph on a sticky note for the parking lot.",
            ("SD3",),
        ),
        (
            "Students gallery-walk to 4 posters and leave a 'notice' and a 'wonder' on each.",
            ("EN1", "SD3"),
        ),
        (
            "{part} of {whole} students raise a hand when asked who used a different strategy.",
            ("EV1",),
        ),
        (
            "Students at table {table} time each other solving with a number line, then switch.",
            ("EN1",),
        ),
    ),
    "ela": (
        (
            "Students annotate the poem in two colors: blue for images, green for questions.",
            ("EN1",),
        ),
        (
            "Partners take turns reading paragraphs aloud; after each, the listener summarizes in "
            "one sentence.",
            ("EV3",),
        ),
        (
            "Seminar: an inner circle of about half the class discusses while the outer "
            "circle tallies who speaks.",
            ("EV1", "SD1"),
        ),
        (
            "Students move to the corner that matches their opinion and share one reason with "
            "someone there.",
            ("EV3",),
        ),
        (
            "A student at table {table} points to a line in the text while a partner reads it "
            "aloud.",
            ("SD2",),
        ),
        (
            "Students highlight the evidence in their drafts and check it against the rubric row "
            "for reasoning.",
            ("EN2",),
        ),
        (
            "Students pass a talking chip; each person at table {table} speaks once before anyone "
            "speaks twice.",
            ("EV1",),
        ),
        ("Students write a one-sentence gist for each section in the margin.", ("EN1",)),
        (
            "Partners swap drafts and leave one 'glow' and one question on a sticky note.",
            ("SD3", "EN2"),
        ),
    ),
    "science": (
        (
            "Groups of {size} measure the temperature every minute and record it in a shared data "
            "table.",
            ("EN1",),
        ),
        (
            "At table {table}, one student holds the stopwatch while two release the cart from "
            "{n}0 cm.",
            ("EN1",),
        ),
        (
            "Students compare their graphs with the group next to them and mark differences with "
            "sticky notes.",
            ("SD1",),
        ),
        (
            "Students revise their model drawings after the demonstration, adding arrows for heat "
            "transfer.",
            ("EN2",),
        ),
        (
            "A student asks the group to repeat the trial; the group runs it a third time.",
            ("EN1", "SD3"),
        ),
        (
            "Students at table {table} argue over which variable to hold constant, then write it "
            "on the plan.",
            ("SD1", "EN1"),
        ),
        (
            "Each group posts its result on the class data table; {part} of {whole} groups have "
            "posted.",
            ("EV3",),
        ),
        ("Students use the lab safety checklist before lighting the burner.", ("EN2",)),
    ),
    "social": (
        (
            "Students rotate through {size} document stations, writing one observation per source.",
            ("EN1",),
        ),
        ("Pairs sort event cards on a timeline and discuss which card goes first.", ("SD1", "EN1")),
        (
            "A student reads the excerpt aloud; the group underlines words that show the author's "
            "point of view.",
            ("SD2",),
        ),
        (
            "Four corners: students stand by 'strongly agree' to 'strongly disagree'; "
            "one from each corner shares.",
            ("EV1", "EV3"),
        ),
        (
            "Students at table {table} annotate the political cartoon with arrows and questions.",
            ("SD3", "EN1"),
        ),
        (
            "Groups rank five causes on a diamond chart and write a 'because' for the top one.",
            ("SD2",),
        ),
        ("Students use a source-reliability checklist on document {k}.", ("EN2",)),
    ),
    "eld": (
        (
            "Students use the sentence-frame card to tell a partner one detail from the picture.",
            ("EV3",),
        ),
        ("Partners point to the word wall and use two vocabulary words in their answer.", ("EN1",)),
        (
            "A student rehearses an answer with a partner before sharing with the whole class.",
            ("EV2", "EV3"),
        ),
        (
            "Students act out the verbs 'pour', 'carry' and 'measure' while saying them aloud.",
            ("EN1",),
        ),
        ("Students label the diagram in English and in their home language.", ("EN1",)),
        (
            "Students at table {table} take turns reading the frame aloud and filling the blank.",
            ("EV1", "EV3"),
        ),
    ),
}

GENERAL_ACTION: Final[tuple[Phrase, ...]] = (
    (
        "Students turn and talk; {part} of {whole} pairs are both speaking within the first "
        "minute.",
        ("EV3", "EV1"),
    ),
    ("Hands go up after about {secs} seconds of think time; {part} hands raised.", ("EV2",)),
    ("Students show a fist-to-five for confidence; most show three or four.", ("EN2",)),
    (
        "At table {table}, the student holding the 'reporter' card shares the group's answer.",
        ("EV1",),
    ),
    ("Students write silently for {mins} minutes before any discussion.", ("EV2",)),
    ("Students tick the success-criteria checklist at the top of the task sheet.", ("EN2",)),
    (
        "Students at table {table} lean over one paper; all {size} are pointing or writing.",
        ("EN1",),
    ),
    ("A student lays down the talk-move card 'I disagree because' and explains.", ("SD1",)),
    (
        "Students at table {table2} switch roles (recorder, reporter, skeptic) as the timer "
        "sounds.",
        ("EV1",),
    ),
    ("Students stand, find a partner from another table and compare answers.", ("EV3",)),
    (
        "Two students at table {table} ask the teacher to check, then decide to ask table "
        "{table2} first.",
        ("SD3",),
    ),
)

TEACHER_MOVE: Final[tuple[Phrase, ...]] = (
    ("Teacher asks, 'Who can build on what table {table} said?'", ("SD1",)),
    ("Teacher waits about {secs} seconds after the question before calling on anyone.", ("EV2",)),
    ("Teacher says, 'Turn to your partner and explain your answer before we share out.'", ("EV3",)),
    ("Teacher draws a name stick; the student shares their group's idea.", ("EV1",)),
    ("Teacher asks, 'How do you know?' after a student's answer.", ("SD2",)),
    ("Teacher revoices: 'So you're saying it stays the same each time. Is that right?'", ("SD2",)),
    (
        "Teacher circulates to tables {table} and {table2}, listening without talking for about a "
        "minute each.",
        ("EN1",),
    ),
    ("Teacher says, 'I'd like to hear from someone who hasn't shared yet today.'", ("EV1",)),
    ("Teacher points to the success criteria: 'Which one are you working on right now?'", ("EN2",)),
    (
        "Teacher says, 'Thumb up when you have one idea, two fingers when you have two.'",
        ("EV2", "EV3"),
    ),
    ("Teacher asks a student to restate a peer's idea in their own words.", ("SD1",)),
    ("Teacher pauses the class: 'Table {table} has a disagreement worth hearing.'", ("SD1",)),
    ("Teacher asks, 'What question would you ask this group?'", ("SD3",)),
    (
        "Teacher gives a two-minute warning and asks each group to agree on one sentence to share.",
        ("EV3",),
    ),
    (
        "Teacher responds to an incorrect answer: 'Tell me more about how you got that.'",
        ("EN1", "SD2"),
    ),
    ("Teacher says, 'Take {mins} minutes to jot your thinking before we talk.'", ("EV2",)),
    (
        "Teacher says, 'Mistakes help us here. Whose mistake can we learn from?' A student "
        "volunteers.",
        ("EN2",),
    ),
    ("After partner talk, teacher asks, 'What did your partner say?'", ("EV1", "SD1")),
    (
        "Teacher stands at the back while a group presents; students address each other, not the "
        "teacher.",
        ("SD1", "EN1"),
    ),
    (
        "Teacher sets a {mins}-minute timer: 'Every voice at the table before anyone writes.'",
        ("EV1",),
    ),
    ("Teacher asks, 'Do you agree or disagree, and why?' and waits.", ("SD2", "EV2")),
    ("Teacher prompts in Spanish and English: '¿Qué notas? What do you notice?'", ("EV3",)),
    ("Teacher hands the marker to a student to record the group's ideas on the chart.", ("EN1",)),
    (
        "Teacher says, 'Look at the example on the board. What makes it meet the criteria?'",
        ("EN2",),
    ),
    ("Teacher tallies on a clipboard which tables have shared so far.", ("EV1",)),
)

ARTIFACT: Final[dict[str, tuple[Phrase, ...]]] = {
    "math": (
        (
            "Exit ticket: {part} of {whole} students wrote a correct equation for the table.",
            ("EN2",),
        ),
        (
            "Anchor chart 'Ways to show a proportional relationship': table, graph, equation, "
            "words.",
            (),
        ),
        ("Whiteboard photo: table {table}'s ratio table with arrows labelled '×{n}'.", ("EN1",)),
        (
            "Notebook page shows two strategies side by side and the sentence 'I prefer... "
            "because...'.",
            ("SD2",),
        ),
        (
            "Posted success criteria: 'I can find the unit rate from a table, graph or equation.'",
            ("EN2",),
        ),
        (
            "Task card: 'Which is the better deal? Justify using two representations.'",
            ("SD2", "EN1"),
        ),
    ),
    "ela": (
        (
            "Sentence frames on the board: 'I agree with ___ because ___', 'I'd like to add ___', "
            "'Where in the text ___?'",
            ("SD1",),
        ),
        ("Writing sample: claim underlined; two quotations cited with page numbers.", ("SD2",)),
        ("Chart paper: class list of 'strong evidence' and 'weak evidence' examples.", ("EN2",)),
        (
            "Discussion tracker handout with columns 'asked a question', 'built on', 'used the "
            "text'.",
            ("EV1", "SD1"),
        ),
        ("Annotated poem on the document camera, margin notes in three colors.", ("EN1",)),
    ),
    "science": (
        (
            "Lab sheet with claim, evidence and reasoning boxes; "
            "{part} of {whole} sheets cite data in the evidence box.",
            ("SD2",),
        ),
        ("Driving-question board with {prod} student questions, grouped by topic.", ("SD3",)),
        ("Class data table on the board with every group's trial results.", ("EV3",)),
        ("Model drawing of particles in a solid, a liquid and a gas, with a key.", ("EN1",)),
        ("Investigation plan template: question, variables, steps, safety.", ()),
    ),
    "social": (
        (
            "Organizer 'Source / Author / Purpose / Reliability' filled in for three documents.",
            ("SD2",),
        ),
        (
            "Class T-chart 'Causes' and 'Effects' with {prod} entries in student handwriting.",
            ("EN1",),
        ),
        ("Map with arrows for trade routes and a student-written caption.", ("EN1",)),
        ("Posted discussion norms: 'Critique ideas, not people. Cite the document.'", ("SD2",)),
    ),
    "eld": (
        ("Word wall with pictures and home-language words (Spanish, Arabic, Vietnamese).", ()),
        (
            "Sentence frames on each table: 'I notice ___', 'I think ___ because ___'.",
            ("SD2", "EV3"),
        ),
        ("Picture sequence cards with student-written captions.", ("EN1",)),
    ),
}

NOTE: Final[tuple[Phrase, ...]] = (
    ("{whole} students present; desks in groups of four.", ()),
    ("Agenda on the board: Do Now, mini-lesson, partner task, exit ticket.", ()),
    ("Learning target posted and read aloud at the start.", ("EN2",)),
    ("Transition from partner work to whole group took about {mins} minutes.", ()),
    ("Conversations I can hear from the side of the room are about the task.", ("EN1",)),
    ("Co-teacher works with a small group at the back table.", ()),
    ("Ask at debrief: how were the partner pairs chosen?", ()),
    ("Exit tickets collected at the door; teacher offered to bring them to our debrief.", ()),
    ("{k} questions posted on the parking lot during the lesson.", ("SD3",)),
    ("Class applauds after table {table} presents 👏", ()),
    ("Classroom library sorted by student-made genre labels 📚", ()),
    ("Announcement over the speaker; lesson resumes after about a minute.", ()),
    ("Bring the participation map to Thursday's debrief.", ()),
    ("Same task as the grade-level team; compare at PLC.", ()),
)

#: Items placed once each into the first visits, so every profile shows the Unicode cases:
#: a right-to-left quote, emoji, and Vietnamese with stacked diacritics.
#: Notes showing a look-for not yet there, each with the look-for the coach marks "not yet":
#: the demo's wonderings and "noted" counts have something real to rest on.
NOT_YET_NOTES: Final[tuple[tuple[str, str], ...]] = (
    ("Two inner-circle students talk 4 times each; one has not spoken after 8 minutes.", "EV1"),
    ("Answers are taken from the first hand up, with no pause after the question.", "EV2"),
    (
        "Students answer one at a time out loud; no partner talk or whiteboards before sharing.",
        "EV3",
    ),
    ("A student asks the teacher, not a classmate, whether her answer is right.", "SD3"),
    ("Three answers are shared without a 'because'; no one asks how they know.", "SD2"),
    ("Students wait for the teacher to model the next step before starting.", "EN1"),
    ("Students hand in work without looking at the posted criteria.", "EN2"),
    ("Students share one after another; no one refers to an earlier idea.", "SD1"),
)

FEATURED: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    (
        "student_talk",
        'A student explains to a partner in Arabic, "أعتقد أن الجواب صحيح لأن المثلثين '
        'متشابهان", then in English: "Because the triangles are the same shape."',
        ("SD2",),
    ),
    (
        "note",
        "Talk-move cards 💬 taped to every table; students reach for them during partner talk.",
        ("SD1",),
    ),
    (
        "student_talk",
        '"Cô ơi, em hiểu rồi!" a student says, then to the table: "I get it now, it\'s the same '
        'pattern."',
        ("EN1",),
    ),
    (
        "student_action",
        "Students give the presenting group a silent cheer 🙌 before asking their questions.",
        ("SD3",),
    ),
)

# --- student listening -------------------------------------------------------------------------

#: (prompt, responses). Responses are verbatim student words, so they are student talk.
LISTENING: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (
        "What helps you learn in this class?",
        (
            '"When we talk with our table first, then I already know what to say."',
            '"The examples on the board. I look at them when I forget a step."',
            '"The whiteboards, because you can try it and erase if you\'re wrong."',
            '"When the teacher waits and doesn\'t just pick the fast people."',
            '"Working with a partner who explains it different than the teacher."',
            '"The checklist, so I know when I\'m done."',
        ),
    ),
    (
        "When do you feel like your ideas matter here?",
        (
            "\"When someone says 'I agree with' and it's my idea.\"",
            '"When my idea goes on the chart paper."',
            '"When we vote and my group\'s way wins, ha."',
            '"Honestly, in small groups more than whole class."',
            '"When the teacher writes down exactly what I said."',
        ),
    ),
    (
        "What is hard about talking in front of the whole class?",
        (
            '"Everyone looks at you and you forget."',
            "\"If I'm not sure, I don't want to be wrong in front of everybody.\"",
            '"It\'s easier if I practice with my partner first."',
            '"Sometimes the same people always answer."',
            '"It\'s not hard for me, I like it."',
        ),
    ),
    (
        "How do you know when you're on track?",
        (
            '"I look at the success criteria on the board."',
            '"When my partner gets the same answer, or we can explain why it\'s different."',
            '"The exit ticket tells me the next day."',
            '"I don\'t always know until the test."',
            '"When I can explain it to someone else."',
        ),
    ),
    (
        "What would you change about group work?",
        (
            '"Switch the groups more, so we talk to new people."',
            '"Give everybody a job, so one person doesn\'t do it all."',
            '"More time to finish before we share."',
            '"Nothing, I like the roles cards."',
            '"Let us pick one partner sometimes."',
        ),
    ),
    (
        "Tell me about a time you changed your mind in this class.",
        (
            '"When table 2 showed their graph and it made more sense than ours."',
            '"In the debate, I switched corners after the second speaker."',
            '"When we did the experiment and it didn\'t do what I guessed."',
            '"I thought a bigger denominator meant bigger, then I drew it."',
        ),
    ),
    (
        "Who do you go to when you're stuck?",
        (
            '"My table first, then the teacher."',
            '"The anchor chart, then my partner."',
            '"I ask the person next to me, she explains it good."',
            '"Sometimes I just wait for the teacher to come around."',
        ),
    ),
)

LISTENING_NOTES: Final[tuple[str, ...]] = (
    "Group of 5 students from the class, chosen by the teacher for a mix of voices.",
    "Students answered in turn, then several added on to each other.",
    "Offered to let students write answers on cards; two chose to.",
    "Share these themes with the teacher without attributing them to individual students.",
)

# --- visits and walks --------------------------------------------------------------------------

WALKS: Final[tuple[tuple[str, str], ...]] = (
    ("Equity of voice walk", "Who is talking? Look for structures that bring in every voice."),
    ("Math discourse walk", "Where do students explain and justify their thinking?"),
    ("Student questions walk", "Where are students asking questions of each other?"),
    ("Success criteria walk", "Do students use the criteria to check their own work?"),
    ("New-teacher support walk", "Bright spots in partner talk to share at the new-teacher PLC."),
    ("Think time walk", "What happens in the seconds after a question is asked?"),
    ("Science practices walk", "Students planning, testing and revising investigations."),
    ("Grade-level team walk", "Bright spots for the grade-level team's discourse goal."),
)

OBSERVATION_FOCUS: Final[tuple[str, ...]] = (
    "Partner talk during the main task",
    "Whole-class discussion after the warm-up",
    "Who speaks, and how students respond to each other",
    "Use of sentence frames during group work",
    "Think time and who answers first",
    "Small-group task: roles and who does the thinking",
    "Students' use of the success criteria",
)

# --- feedback ----------------------------------------------------------------------------------

GLOWS: Final[dict[str, tuple[str, ...]]] = {
    "SD1": (
        "Students built on one another's ideas, naming whose idea they were adding to.",
        "Students revoiced and added on to peers, so the discussion kept moving between them.",
    ),
    "SD2": (
        "Students backed their answers with reasons and evidence, not just answers.",
        "The 'because' was everywhere: students justified claims with data and examples.",
    ),
    "SD3": (
        "Students asked each other real questions to understand a peer's thinking.",
        "Questions travelled student to student, not only to you.",
    ),
    "EV1": (
        "Many different voices were heard; the talk wasn't carried by a few students.",
        "Participation was spread across the tables, including tables that were quiet last time.",
    ),
    "EV2": (
        "Think time gave more students a way in before anyone answered.",
        "Your wait time paid off: more hands, and fuller answers, after the pause.",
    ),
    "EV3": (
        "Every student had a way to respond: partner talk, whiteboards and signals.",
        "Partner rehearsal meant students came to the whole-class share with something to say.",
    ),
    "EN1": (
        "Students did the heavy lifting: explaining, modelling and checking.",
        "Students, not the teacher, carried the reasoning in this part of the lesson.",
    ),
    "EN2": (
        "Students used the success criteria to check and revise their own work.",
        "Students referred to the posted criteria without being prompted.",
    ),
}

GLOW_BY_KIND: Final[dict[str, str]] = {
    "student_talk": "Students' own words show them reasoning about the content.",
    "student_action": "Students were actively working on the task the whole time I was there.",
    "teacher_move": "This move handed the thinking back to students.",
    "artifact": "The materials in the room support students to talk and check their work.",
    "note": "The routines in the room look familiar to students.",
}

WONDERINGS: Final[tuple[str, ...]] = (
    "I wonder what would happen if students rehearsed with a partner before the whole-class share?",
    "What might shift if the first response came from a table that hadn't shared yet?",
    "I wonder how students might use the sentence frames without prompting by the end of the unit?",
    "Next step to try: a 'say it back' move. Ask a student to restate a peer before adding on.",
    "I'm curious how the groups were formed, and whether rotating them would widen who talks.",
    "What if the exit ticket asked students to name one idea they got from a classmate?",
    "I wonder what students would say if asked who they learned from today?",
    "Next step: try ten seconds of silent think time after the key question, and notice who "
    "raises a hand.",
)

REFLECTION_PROMPTS: Final[tuple[str, ...]] = (
    "What did you notice about who talked today?",
    "Which moment are you proudest of, and why?",
    "What do you want students to be able to do in discussion by the end of the unit?",
    "Which of these strengths would you like to build on next time?",
)

# --- coaching cycles ---------------------------------------------------------------------------

#: (focus, student goal, measure kind, look-for code or "", baseline, target, reflection)
CYCLES: Final[tuple[tuple[str, str, str, str, float, float, str], ...]] = (
    (
        "Widen participation in whole-class discussion",
        "At least 18 of 28 students contribute aloud during each discussion block.",
        "distinct_voices",
        "",
        9,
        18,
        "Distinct voices rose across the cycle. Partner rehearsal before share-outs made the "
        "biggest difference; the reporter cards helped the quieter tables. Next: keep the "
        "rehearsal routine and try it in the afternoon section.",
    ),
    (
        "Students justify their reasoning with evidence",
        "Students give a 'because' with evidence in partner and whole-class talk.",
        "lookfor_frequency",
        "SD2",
        3,
        10,
        "Justifications went from a handful per lesson to most share-outs. The 'How do you "
        "know?' question became the students' question, not just the teacher's.",
    ),
    (
        "Students build on each other's ideas in small groups",
        "Groups respond to each other's ideas before the teacher does.",
        "lookfor_frequency",
        "SD1",
        2,
        8,
        "Talk-move cards gave students the language; stepping back from the tables gave them "
        "the room to use it. Students began naming whose idea they were adding to.",
    ),
    (
        "More student-to-student questions during labs",
        "Every group asks at least one question of another group during the share.",
        "contributions",
        "",
        25,
        45,
        "Questions between groups became routine once the share had a 'one question for "
        "another table' step. Contributions rose steadily after the modelled lesson.",
    ),
)

#: (step kind, title) in order; observe/model/co_teach steps become visits when done.
CYCLE_STEPS: Final[tuple[tuple[str, str], ...]] = (
    ("co_plan", "Co-plan the discussion routine and success criteria"),
    ("observe", "Baseline observation: track participation on the seating chart"),
    ("debrief", "Debrief baseline data and choose one move to try"),
    ("model", "Coach models partner rehearsal before the share-out"),
    ("co_teach", "Co-teach a lesson using talk-move cards"),
    ("observe", "Mid-cycle observation"),
    ("debrief", "Mid-cycle debrief: look at the participation map together"),
    ("observe", "End-of-cycle observation"),
    ("debrief", "Final reflection and next goal"),
)

STEP_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "co_plan": (
        "Agreed on the success criteria language and where the partner talk goes in the lesson.",
        "Planned the launch together; teacher wrote the sentence frames.",
    ),
    "observe": (
        "Tracked participation on the seating chart and scripted student talk.",
        "Focused on the whole-class share after partner work.",
    ),
    "debrief": (
        "Teacher noticed that the same two tables answered first and chose reporter cards.",
        "Looked at the participation map together; teacher chose to add think time.",
        "Teacher set the next goal: students ask each other one question before asking her.",
    ),
    "model": ("Modelled the rehearsal routine; teacher scripted student responses.",),
    "co_teach": ("Teacher led the launch, coach led the share-out; swapped next day.",),
}

SKIPPED_NOTE: Final = "Skipped: testing week. Replaced with a short co-planning conversation."

# --- coaching log ------------------------------------------------------------------------------

LOG_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "plc": (
        "Grade-level PLC: looked at exit tickets together.",
        "ELA PLC: calibrated on the argument-writing rubric.",
        "Math PLC: planned a common number talk.",
        "Science PLC: shared lab discussion protocols.",
    ),
    "data_meeting": (
        "Reviewed walk look-for frequencies with the principal.",
        "Data meeting: participation trends across grade levels.",
        "Shared anonymised student-listening themes with the leadership team.",
    ),
    "other_duty": ("Lunch duty", "Bus duty", "Covered a class during a substitute shortage."),
    "admin": (
        "Email and scheduling",
        "Prepared walk debrief slides",
        "Cleaned up visit notes and feedback drafts",
    ),
    "learning_walk": ("Learning walk and team debrief",),
    "coaching_cycle": (
        "Observation and feedback conversation",
        "Drop-in observation; short feedback note",
    ),
}

#: Student survey statements per cycle (in the order of ``CYCLES``), answered on the
#: five-point agreement scale before and after the cycle.
SURVEY_QUESTIONS: Final[tuple[tuple[str, ...], ...]] = (
    (
        "I get to share my thinking in this class.",
        "My classmates listen when I talk in discussions.",
        "I feel comfortable speaking in front of the class.",
    ),
    (
        "I explain why my answer makes sense.",
        "I use evidence when I agree or disagree with someone.",
    ),
    (
        "In my group, we build on each other's ideas.",
        "My group listens to everyone before deciding.",
    ),
    (
        "I ask other groups questions about their work.",
        "Other students' questions help me understand the lab.",
    ),
)
#: The common task scored before and after a cycle (out of 4, meeting at 3), per cycle.
ASSESSMENT_TITLES: Final[tuple[str, ...]] = (
    "Discussion exit ticket",
    "Claim-evidence-reasoning task",
    "Group problem write-up",
    "Lab questions task",
)
