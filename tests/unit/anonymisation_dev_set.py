"""A development set for the anonymisation check: sentences as a practitioner might write them.

Written for issue 13 by the detector's author, apart from the independent corpus that judges it:
each sentence is invented reflective writing (child protection visits, supervision, core groups,
training), with the identifiers it contains as "kind:text" (text exactly as written), or none.
Clean sentences are traps: agencies, months, meeting dates, theorists, capitalised ordinary words.

`score()` compares the check's findings with these labels; `tests/unit/test_anonymisation_dev_set.py`
reports the figures and keeps them above the issue's targets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from reflect.domain.anonymisation import check_text

TODAY = date(2026, 6, 1)

NAMES = [
    ("Tom said he did not want to go home because Dad shouts.", ["name:Tom"]),
    ("I spoke to Kayla's mum on the doorstep about the bruise on Kayla's arm.", ["name:Kayla", "name:Kayla"]),
    ("I asked Dev what a good day at school looks like for him.", ["name:Dev"]),
    ("When I arrived, Mia was hiding behind the sofa.", ["name:Mia"]),
    ("Grace said she feels safest at her nan's house.", ["name:Grace"]),
    ("Will's mum was tearful throughout the core group.", ["name:Will"]),
    ("I met Summer and her younger brother at the contact centre.", ["name:Summer"]),
    ("Kayla (7) and her brother Jayden (4) were at home with Mum.",
     ["name:Kayla", "age:7", "name:Jayden", "age:4"]),
    ("Oliwia, aged 9, was translating for her mother again.", ["name:Oliwia", "age:aged 9"]),
    ("Harrison told his teacher that there was no food in the house.", ["name:Harrison"]),
    ("I visited with the health visitor and saw Ruby and Alfie together.", ["name:Ruby", "name:Alfie"]),
    ("Amira disclosed that her stepdad had hit her with a belt.", ["name:Amira"]),
    ("The nursery told me Leo had been collected late four times this month.", ["name:Leo"]),
    ("Charlie kept asking when he could see his nan.", ["name:Charlie"]),
    ("Poppy's dad did not attend the ICPC and did not send apologies.", ["name:Poppy"]),
    ("I noticed that Faith seemed withdrawn and would not make eye contact.", ["name:Faith"]),
    ("Hope's foster carer described her as settled for the first time.", ["name:Hope"]),
    ("During the visit Kacey-Leigh showed me her bedroom, which had no bedding.", ["name:Kacey-Leigh"]),
    ("Mason and Tyler share a bunk bed in a room with black mould.", ["name:Mason", "name:Tyler"]),
    ("I explained to Bilal that I would need to share what he told me.", ["name:Bilal"]),
    ("Sophie's school raised concerns about her attendance and weight loss.", ["name:Sophie"]),
    ("Mum's partner, Craig, answered the door and refused to let me in.", ["name:Craig"]),
    ("Reece was excluded twice last term and is now on a reduced timetable.", ["name:Reece"]),
    ("Aaliyah told me she looks after her siblings every evening.", ["name:Aaliyah"]),
    ("Maisie Thompson was seen alone in her bedroom.", ["name:Maisie Thompson"]),
    ("I think Ethan is carrying more than any nine-year-old should.", ["name:Ethan"]),
    ("Freddie was asleep in his cot when we arrived at 11am.", ["name:Freddie"]),
    ("Zainab said her uncle takes her phone at night.", ["name:Zainab"]),
    ("The school nurse weighed Lily and noted she had lost 2kg.", ["name:Lily"]),
    ("Connor's mum said the police had been called three times in a month.", ["name:Connor"]),
    ("I wonder whether Jake felt heard in the meeting at all.", ["name:Jake"]),
    ("Isla drew a picture of her family and left Dad out.", ["name:Isla"]),
    ("Mum told me Noah had not been to the dentist since he was a baby.", ["name:Noah"]),
    ("Ellie-Mae and her sister were placed with their maternal grandmother.", ["name:Ellie-Mae"]),
    ("I should have asked Kyle directly about the man who visits at night.", ["name:Kyle"]),
    ("Jessica said she felt the professionals talked about her, not to her.", ["name:Jessica"]),
    ("Dad, Lee, said he works nights and sleeps during the day.", ["name:Lee"]),
    ("Both Ava and Evie were wearing clothes too small for them.", ["name:Ava", "name:Evie"]),
    ("Ruby was upset when I arrived and hid under the table.", ["name:Ruby"]),
    ("Max told me he plays Fortnite until 2am most nights.", ["name:Max"]),
    ("I am worried that Ibrahim is being groomed online.", ["name:Ibrahim"]),
    ("Ahmed, the children's father, joined the meeting by phone.", ["name:Ahmed"]),
    ("Darren has not engaged with the drug and alcohol service.", ["name:Darren"]),
    ("I tried to picture the house from Scarlett's point of view.", ["name:Scarlett"]),
    ("Tilly's brother Archie was present throughout the visit.", ["name:Tilly", "name:Archie"]),
    ("The health visitor had seen baby Arlo twice since his birth.", ["name:Arlo"]),
    ("Emily Walsh, the mother, declined the referral to Early Help.", ["name:Emily Walsh"]),
    ("Shannon told me she does not want Mum's new boyfriend to move in.", ["name:Shannon"]),
    ("I asked Jordan what would make things better at home.", ["name:Jordan"]),
    ("Leigh's dad phoned me after the visit to complain.", ["name:Leigh"]),
    ("Mr and Mrs Khan's eldest, Zara, is a young carer.", ["title_name:Mrs Khan", "name:Zara"]),
    ("I spoke with mr khan on the phone about school attendance.", ["title_name:mr khan"]),
    ("PC Hughes attended the joint visit with me.", ["title_name:PC Hughes"]),
    ("Nurse Jones from the ward rang to say Mum had discharged herself.", ["title_name:Nurse Jones"]),
    ("DC Ali took Amelia's statement at the police station.", ["title_name:DC Ali", "name:Amelia"]),
    ("Jamie is 14 and has been going missing at weekends.", ["name:Jamie", "age:14"]),
    ("Holly said Mum drinks every day and sleeps in the afternoon.", ["name:Holly"]),
    ("I could see that Logan was frightened of his mother's partner.", ["name:Logan"]),
    ("Dylan's social worker before me left in March.", ["name:Dylan"]),
    ("Sienna was quiet in the car and then asked whether she was in trouble.", ["name:Sienna"]),
    ("I reflected on how Callum must experience so many changes of worker.", ["name:Callum"]),
    ("Paige, 15, has been seen getting into cars with older men.", ["name:Paige", "age:15"]),
    ("Tyrese and his mum live with his nan in a two-bedroom flat.", ["name:Tyrese"]),
    ("My supervisor asked me what Niamh would say about the plan.", ["name:Niamh"]),
    ("Riley's attendance has dropped to 61% this term.", ["name:Riley"]),
    ("The GP confirmed that Alfie had missed his last two appointments.", ["name:Alfie"]),
    ("Mum described Kai as hard work and said he never listens.", ["name:Kai"]),
    ("I wonder if Ayesha's silence in the meeting was fear rather than defiance.", ["name:Ayesha"]),
    ("Lacey said the bruises came from playing with her cousin.", ["name:Lacey"]),
    ("Summer's mum said she had been up all night with the baby.", ["name:Summer"]),
    ("Harvey and Lola both told me they are scared when Dad comes home.", ["name:Harvey", "name:Lola"]),
    ("I met Declan at McDonald's because he would not talk at home.", ["name:Declan"]),
    ("Mum, Stacey, said she had not slept since the police visit.", ["name:Stacey"]),
    ("Evan's grandad has parental responsibility under a special guardianship order.", ["name:Evan"]),
    ("Kieran Doyle has been known to services since he was a toddler.", ["name:Kieran Doyle"]),
]

OTHER_KINDS = [
    ("The family live at 12 Acacia Road, Wigan.", ["address:12 Acacia Road"]),
    ("Mum is now in flat 3 on the fourth floor with no working lift.", ["address:flat 3"]),
    ("They were rehoused to Flat 2b, Brook House in the spring.", ["address:Flat 2b, Brook House"]),
    ("Dad still lives on Moss Lane, two streets from the school.", ["address:Moss Lane"]),
    ("The police were called to 47 Hawthorn Close twice last week.", ["address:47 Hawthorn Close"]),
    ("Kayla goes to St Mary's Primary and is in Year 2.", ["name:Kayla", "place:St Mary's Primary"]),
    ("Little Acorns Nursery raised the concern about the burn.", ["place:Little Acorns Nursery"]),
    ("The GP at Moss Lane Surgery shared the missed appointments.", ["place:Moss Lane Surgery"]),
    ("He was excluded from Oakwood Academy in October.", ["place:Oakwood Academy"]),
    ("The family are well known on the Beech Hill estate.", ["place:Beech Hill estate"]),
    ("Pennygate Medical Centre sent the records the same day.", ["place:Pennygate Medical Centre"]),
    ("She attends Brookfield Children's Centre on Tuesdays.", ["place:Brookfield Children's Centre"]),
    ("The case reference is LCS-2024-0193.", ["reference:LCS-2024-0193"]),
    ("I checked case no. 48213 for the previous assessment.", ["reference:48213"]),
    ("The strategy notes are under ref: 2291/B on the system.", ["reference:2291/B"]),
    ("Police gave crime reference 06/123456/24 for the assault.", ["reference:06/123456/24"]),
    ("The CP-123456 plan was reviewed.", ["reference:CP-123456"]),
    ("Her Snapchat is kayla_xo07 and older boys message her there.", ["handle:kayla_xo07"]),
    ("He follows @dev.07x and posts videos of himself late at night.", ["handle:@dev.07x"]),
    ("Her profile is tiktok.com/@maisie.t_09 and it is public.", ["handle:tiktok.com/@maisie.t_09"]),
    ("Mum's boyfriend drives a silver Astra, MA19 KXT.", ["vehicle_registration:MA19 KXT"]),
    ("The car that collected her was reg K123 ABC.", ["vehicle_registration:K123 ABC"]),
    ("Her NI number is ab 12 34 56 c on the benefits letter.", ["ni_number:ab 12 34 56 c"]),
    ("NI JG103759A was on the tenancy form.", ["ni_number:JG103759A"]),
    ("DOB: 2016-03-03, according to the referral.", ["date_of_birth:2016-03-03"]),
    ("She was born 3rd March 2016 in Bolton.", ["date_of_birth:3rd March 2016"]),
    ("d.o.b. 14/07/2019 on the nursery form.", ["date_of_birth:14/07/2019"]),
    ("His birthday is 12 June and he wants a party.", ["date_of_birth:12 June"]),
    ("Her son is 7 and has never been to school.", ["age:7"]),
    ("A 14-year-old boy was found in the flat.", ["age:14-year-old"]),
    ("The baby is 7 weeks old and has a bruise on her cheek.", ["age:7 weeks old"]),
    ("He is aged seven and still wets the bed.", ["age:aged seven"]),
    ("She turned 16 last month and wants to leave care.", ["age:16"]),
    ("The youngest, age 3, has not been seen by a health visitor.", ["age:age 3"]),
    ("Her 7yo brother was left in charge.", ["age:7yo"]),
    ("Call Mum on 07700 900461 before visiting.", ["phone:07700 900461"]),
    ("The postcode is WN3 5AB, which covers a small close.", ["postcode:WN3 5AB"]),
    ("I emailed dean.walsh@example.com about the contact.", ["email:dean.walsh@example.com"]),
    ("NHS 943 476 5919 was on the discharge letter.", ["nhs_number:943 476 5919"]),
    ("Since her 16th birthday she has stopped coming home at night.", ["age:16th"]),
    ("We visited Flat 12 Brook House and nobody answered.", ["address:Flat 12 Brook House"]),
]

CLEAN = [
    "Hope is what keeps me going in this work.",
    "Will the plan change anything for the children?",
    "In May we held the review child protection conference.",
    "The meeting on 12/03/2026 was chaired by the IRO.",
    "Date: 3 March 2026",
    "The actions are due by 14/07/2026.",
    "Child R's mother was not seen alone during the assessment.",
    "I read the Munro review again after supervision.",
    "Ferguson (2016) writes about intimate child protection practice.",
    "Sarah's Law disclosures were discussed at the MARAC.",
    "We used Signs of Safety mapping with the family.",
    "Brook provided sexual health advice to the young person.",
    "Gibbs' reflective cycle helped me structure my thoughts.",
    "Driscoll's What, So what, Now what model is simple but useful.",
    "Kolb talks about learning from concrete experience.",
    "Working Together 2023 is clear about the lead practitioner role.",
    "The Children Act 1989 sets out parental responsibility.",
    "CAMHS declined the referral because the threshold was not met.",
    "Ofsted's inspection found that supervision was inconsistent.",
    "The NSPCC helpline passed the concern to the MASH.",
    "The LADO was consulted about the allegation against a teacher.",
    "Mum and Dad attended the ICPC with their advocate.",
    "The Team were supportive when I came back from the visit.",
    "On Monday I had supervision with my manager.",
    "The Summer holidays are always a difficult time for this family.",
    "Grace and humility are part of good practice, I think.",
    "Faith groups in the area offer food parcels.",
    "Mark the date in your diary for the core group.",
    "Rose steadily through the ranks is how my manager describes herself.",
    "Sky is the broadband provider the family cannot afford.",
    "We met in Leigh town centre at a cafe.",
    "The family moved from Jordan in 2019.",
    "Greater Manchester Police attended the incident.",
    "Wigan Safeguarding Partnership published the learning review.",
    "The Early Help Hub took the referral.",
    "Children's Social Care closed the case in January.",
    "I attended training on the Graded Care Profile.",
    "The Virtual School Head attended the PEP meeting.",
    "The Children's Centre offered a parenting course.",
    "The GP practice did not share information until asked twice.",
    "The health visitor and I did a joint visit.",
    "Professional curiosity means asking who else lives in the house.",
    "Reflective Practice groups happen on the first Friday of each month.",
    "I worked with the family for 4 years.",
    "The 2-year-old check was missed.",
    "Children aged 4-6 attend the holiday club.",
    "Section 47 enquiries must be completed within 15 working days.",
    "Ref 2019/1234 is the published review.",
    "Covid-19 restrictions meant we met on Teams.",
    "Do you understand your role in the CIN 12 process?",
    "We discussed the case in supervision on 3 March 2026.",
    "Honestly, I felt out of my depth.",
    "Nobody asked the children what they wanted.",
    "Maslow's hierarchy of needs reminded me to think about food and warmth.",
    "The Lucy Faithfull Foundation runs the Stop It Now helpline.",
    "The Arthur and Star review changed how we think about multi-agency working.",
    "Christmas is a flashpoint for domestic abuse in this household.",
    "Easter holidays clubs were full by February.",
    "Young people told us they want fewer changes of social worker.",
    "The Deal for Children and Young People sets out the council's approach.",
    "Domestic abuse was a feature in 3 in 10 of my cases.",
    "I will read the NICE guidance on child maltreatment.",
    "Operation Encompass notifications reached the school the next morning.",
    "The MASH team screened the contact within 24 hours.",
    "Family Group Conferences work well when the family lead.",
    "Sure Start funding was cut years ago.",
    "Team Around the Family meetings are held at school.",
    "The IRO challenged the plan at the review.",
    "Alexa was playing music loudly throughout the visit.",
    "Tuesday's core group was cancelled at short notice.",
    "April was the last time the family engaged.",
    "Mum said the baby was born at 34 weeks.",
    "Dad has been in prison since 2022.",
    "The High Street has a food bank now.",
    "I drove to the visit and parked outside.",
    "Our team has 5 vacancies out of 12 posts.",
    "In Year 6 SEN support was good but it stopped at secondary.",
    "Version 2.1 of the procedure was published in 2024.",
    "The KS2 results were not a priority for the family.",
    "Stage 4 of the plan is a review at 12 weeks.",
    "It is 7 miles from the family home to the school.",
    "There is 1 social worker for every 18 children in our team.",
    "Joy and grief often sit side by side in this work.",
    "Max capacity at the contact centre is six families.",
    "Bill payments are the family's biggest worry.",
    "May I suggest we invite the school to the next meeting?",
]


# Written last, without running the check first: 40 sentences (33 identifiers). Before the fixes
# they prompted (hyphenated given names, "Pupil Referral Unit", "the twins are 8"), recall on
# them was 91% and precision 100%.
BLIND = [
    ("On arrival Mum (Leanne) was calm but the flat smelt strongly of cannabis.", ["name:Leanne"]),
    ("Keeley-Ann, 13, has been self-harming since the summer.", ["name:Keeley-Ann", "age:13"]),
    ("The school said Finley is often hungry and takes food from other children's lunchboxes.",
     ["name:Finley"]),
    ("Granddad Mick collects the boys from school on Fridays.", ["name:Mick"]),
    ("My concern is that Skye's weight has not increased since March.", ["name:Skye"]),
    ("Reggie told the police officer that his mum's boyfriend pushed him.", ["name:Reggie"]),
    ("Both girls, Imogen and Phoebe, said they feel safe with their dad.", ["name:Imogen", "name:Phoebe"]),
    ("We held the strategy discussion on 4 March 2026 and agreed a section 47.", []),
    ("Mum gave the baby's date of birth as 12/11/2025.", ["date_of_birth:12/11/2025"]),
    ("He has been attending Hillside Pupil Referral Unit since January.",
     ["place:Hillside Pupil Referral Unit"]),
    ("She lives with her grandparents at 3 Orchard Way.", ["address:3 Orchard Way"]),
    ("The allegation was logged as incident 4471 on 02/02/2026.", ["reference:4471"]),
    ("I could hear Dad shouting at Ollie in the kitchen.", ["name:Ollie"]),
    ("Aisha's key worker at Rainbow Day Nursery described her as withdrawn.",
     ["name:Aisha", "place:Rainbow Day Nursery"]),
    ("Ms Adeyemi was worried about her son's friendships.", ["title_name:Ms Adeyemi"]),
    ("Her username on Roblox is PinkUnicorn2015.", ["handle:PinkUnicorn2015"]),
    ("The police checked the car, a black BMW registered FY21 WDV.", ["vehicle_registration:FY21 WDV"]),
    ("Ellis said he wants to live with his dad in Bolton.", ["name:Ellis"]),
    ("The twins are 8 and share a bed with Mum.", ["age:8"]),
    ("Dad's new partner, Kirsty, has three children of her own.", ["name:Kirsty"]),
    ("Eden has missed 40% of sessions this term.", ["name:Eden"]),
    ("I asked Brooke whether anyone had touched her in a way she did not like.", ["name:Brooke"]),
    ("Teagan-Rose was in her school uniform at 9pm.", ["name:Teagan-Rose"]),
    ("Marley's nan has a caution for neglect from 2009.", ["name:Marley"]),
    ("Tommy said he looks after his little sister when Mum goes out.", ["name:Tommy"]),
    ("Our Reflective Supervision model is based on Morrison's 4x4x4.", []),
    ("Safer Sleep advice was given by the health visitor.", []),
    ("Staff at the Family Hub were not told about the risk.", []),
    ("Every child deserves to be seen and heard.", []),
    ("Neglect is cumulative and easy to normalise.", []),
    ("Parental conflict was the main theme of the training.", []),
    ("Barnardo's ran the group work sessions.", []),
    ("The Independent Review of Children's Social Care called for change.", []),
    ("Joshua, who is autistic, finds visits from new people very hard.", ["name:Joshua"]),
    ("It took Harley months to trust me.", ["name:Harley"]),
    ("The health visitor, Julie, raised concerns about the baby's weight.", ["name:Julie"]),
    ("Lola-Mae's mum is 19 and was in care herself.", ["name:Lola-Mae", "age:19"]),
    ("We used the Three Houses tool with the children.", []),
    ("Action: SW to visit Kyra at school before the next core group.", ["name:Kyra"]),
    ("ICPC held 05/01/2026; outcome CP plan under neglect.", []),
]

# Whole reflections, written after the sentences above and before running the check on them, to
# see how the detector does on connected writing (names recur; some mentions carry no cue).
PARAGRAPHS = [
    ("""What happened? I visited the family on Tuesday with the health visitor. Mum, Danielle, opened
the door in her dressing gown at 2pm. Tyler (6) was not at school again; Mum said he had a cough.
Tyler showed me his Lego and told me his dad "shouts when he's been drinking". Baby Esme was
asleep in a Moses basket in the living room. I did not see Esme's face because she was covered by
a blanket, and I did not ask Danielle to uncover her. That is what I want to reflect on.""",
     ["name:Danielle", "age:6", "name:Tyler", "name:Tyler", "name:Esme", "name:Esme", "name:Danielle"]),
    ("""So what? Looking back, I was focused on Tyler because the school referral was about him.
The Child R briefing reminded me how easily the baby in the room gets missed. Professional
curiosity would have meant asking to see Esme awake, checking the sleeping arrangements, and
asking who else stays over. Danielle's new partner, Ryan Kelly, was mentioned by the school but
not by Mum. I felt uncomfortable pushing on the first visit, and I let that feeling decide.""",
     ["name:Tyler", "name:Esme", "name:Danielle", "name:Ryan Kelly"]),
    ("""Now what? I will visit again within the week, unannounced, and ask to see both children
awake. I will check with Little Stars Nursery whether Esme has been registered, ask the GP at
Hawthorn Medical Centre about immunisations, and speak to PC Carter about the callouts to
27 Elm Grove. I will raise the partner's role in supervision with my manager on 14/07/2026.""",
     ["place:Little Stars Nursery", "name:Esme", "place:Hawthorn Medical Centre",
      "title_name:PC Carter", "address:27 Elm Grove"]),
    ("""Description: The core group met at school. Present: Mum, the DSL, the school nurse and me.
Grace (11) joined for the first ten minutes. She said she wants her own room and for Mum's
boyfriend to stop coming round. Grace's attendance is 78% and she has been late 14 times this
term. Dad was invited but did not come. Feelings: I was proud of Grace for speaking, and anxious
that we had put her on the spot in a room full of adults.""",
     ["name:Grace", "age:11", "name:Grace", "name:Grace"]),
    ("""Evaluation: the meeting went better than the last one. Analysis: Munro (2011) argues that
procedures can crowd out the child's voice. In our core group the agenda ran the meeting, not
Grace. Conclusion: next time I will meet Grace beforehand, with her trusted adult from school,
and ask what she wants us to hear. Action plan: ask the IRO to change the order of the agenda.""",
     ["name:Grace", "name:Grace"]),
    ("""In supervision we talked about Jayden, who is 15 and has been missing from home three times
since Christmas. His mum thinks he is staying with friends in Ashton. The police return home
interview said very little. Jayden's Instagram is jaydn_x15 and he has posted photos with older
lads and a lot of cash. His case number is 77120. I worry we are seeing exploitation and calling it
behaviour. My manager asked me what Jayden would say if he read my case notes.""",
     ["name:Jayden", "age:15", "name:Jayden", "handle:jaydn_x15", "reference:77120", "name:Jayden"]),
    ("""Reading the Arthur and Star review with the team made me think about how often we accept
a parent's account. On my caseload, Mrs Begum told me the bruise on Ali's leg came from the
trampoline. I wrote it down and did not ask Ali. Ali is 4 and has limited speech, so it would
have needed time and a different approach, perhaps through his nursery key worker.""",
     ["title_name:Mrs Begum", "name:Ali", "name:Ali", "name:Ali", "age:4"]),
    ("""The Team Around the Family meeting was held at Greenfield Primary on Monday. Sam, the
family support worker, led it well. Kerry-Ann (Mum) shared that she has been sleeping in the car
with the children when her ex turns up. The car is a blue Fiesta, reg FY64 PLO. The plan is a
referral to the IDVA and a housing application. I must remember that Kerry-Ann is also a victim.""",
     ["place:Greenfield Primary", "name:Sam", "name:Kerry-Ann", "vehicle_registration:FY64 PLO",
      "name:Kerry-Ann"]),
    ("""Key thoughts: working with Mr Nowak has been hard because of the language barrier. His
daughter Zofia, who is 12, translated for him at the first visit and I should not have let her.
For the next visit I have booked an interpreter. Zofia's school, St Joseph's Catholic High School,
says she is a bright and quiet girl. Her DOB is 02/05/2014 and she came to the UK in 2021.""",
     ["title_name:Mr Nowak", "name:Zofia", "age:12", "name:Zofia",
      "place:St Joseph's Catholic High School", "date_of_birth:02/05/2014"]),
    ("""Today I shadowed a duty worker. We took a call from a neighbour about a child left alone
in a flat on the Worsley Mesnes estate. The neighbour would not give her name. The duty worker
checked the system, found an open CIN plan, and rang the allocated worker, who went out with the
police. Watching her stay calm and methodical taught me more than any training this year.""",
     ["place:Worsley Mesnes estate"]),
]

# Harder cases, written to break the detector: word-names at the start of a sentence, names in
# lists and quotes, small letters, surnames alone, and traps that look like names or codes.
HARD = [
    ("Jack was scared when the police came to the door.", ["name:Jack"]),
    ("Present: Sarah (SW), Mum, Dad and the DSL.", ["name:Sarah"]),
    ('"Leave Mum alone," Tyler shouted at his stepdad.', ["name:Tyler"]),
    ("kayla said she was scared of mums boyfriend", ["name:kayla"]),
    ("The Hendersons did not answer the door.", ["name:Hendersons"]),
    ("I visited the Kowalski family with an interpreter.", ["name:Kowalski"]),
    ("Auntie Sue has offered to have the children at weekends.", ["name:Sue"]),
    ("Her brother, Jayden-Lee, is in foster care in another borough.", ["name:Jayden-Lee"]),
    ("Mia and Mum were both crying when I left.", ["name:Mia"]),
    ("I asked Rose whether she felt safe at home.", ["name:Rose"]),
    ("Amber told her teacher about the cuts on her arms.", ["name:Amber"]),
    ("Later, Frankie admitted he had been carrying a knife.", ["name:Frankie"]),
    ("Unfortunately Lucas had already left for school.", ["name:Lucas"]),
    ("When I saw Maya again she had a new haircut and seemed brighter.", ["name:Maya"]),
    ("The baby, Oscar, was born at 32 weeks and has been on the neonatal unit.", ["name:Oscar"]),
    ("Evie-Rose is 3 and not yet toilet trained.", ["name:Evie-Rose", "age:3"]),
    ("Kayla has just turned 5 and started in Reception.", ["name:Kayla", "age:5"]),
    ("She is a girl of 9 who loves drawing.", ["age:9"]),
    ("My client is 17 and pregnant.", ["age:17"]),
    ("Mum's new partner is called Wayne and he has a conviction for assault.", ["name:Wayne"]),
    ("Lewis Carter is the father of all three children.", ["name:Lewis Carter"]),
    ("Their address is 9 Kings Road, next to the park.", ["address:9 Kings Road"]),
    ("I dropped the letter at No. 14 Acacia Road.", ["address:14 Acacia Road"]),
    ("She has been staying at Flat 4, 22 Church Street with a friend.", ["address:Flat 4, 22 Church Street"]),
    ("The file ref is WG/2023/0044.", ["reference:WG/2023/0044"]),
    ("Mosaic ID 1234567 holds the chronology.", ["reference:1234567"]),
    ("The van, a white Transit (ma19 kxt), was seen outside the school.", ["vehicle_registration:ma19 kxt"]),
    ("Her instagram is @lacey.x.07 and it has 2,000 followers.", ["handle:@lacey.x.07"]),
    ("NI number: AB 12 34 56 C", ["ni_number:AB 12 34 56 C"]),
    ("Her date of birth is 3rd March 2016.", ["date_of_birth:3rd March 2016"]),
    ("Born on 2016-03-03 at Wigan Infirmary.", ["date_of_birth:2016-03-03", "place:Wigan Infirmary"]),
    ("Highfield Children's Centre referred the family in May.", ["place:Highfield Children's Centre"]),
    ("He attends Woodfield Primary School and is in Year 4.", ["place:Woodfield Primary School"]),
    ("Grace was quiet all through the visit.", ["name:Grace"]),
]
HARD_CLEAN = [
    "Grace period for the rent arrears ends on Friday.",
    "Amber warnings for snow meant the visit was cancelled.",
    "Frank conversations are part of the job.",
    "Rose-tinted glasses do not help anyone in child protection.",
    "Will and testament issues came up for the grandparents.",
    "Bill and council tax arrears are rising.",
    "Summer term is when most referrals come from schools.",
    "Hope for the future was the theme of the conference.",
    "The Fraser guidelines were applied by the sexual health nurse.",
    "Gillick competence was considered before the appointment.",
    "Brandon et al. (2020) found neglect in most serious case reviews.",
    "Laming (2003) called for better information sharing.",
    "The DfE guidance was updated last year.",
    "I met the Virtual School team on Thursday.",
    "The Early Years SENCO visited the setting.",
    "Next review: 2026-09-01.",
    "Supervision is booked for 03/03/2026 at 10:30.",
    "We agreed the actions at the meeting on 12 March 2026.",
    "The report was published on 1 June 2025 by the partnership.",
    "Mum is 7 months pregnant.",
    "Dad served 3 years in prison.",
    "There were 14 children on the list.",
    "The flat is on the 3rd floor.",
    "Child A and Child B were both subject to plans.",
    "Sibling 1 and Sibling 2 live with Dad.",
    "Mother said the house was too small.",
    "Nan and Grandad have been the protective factor throughout.",
    "CP plans last on average 9 months here.",
    "The KPI is 85% of visits within 10 working days.",
    "Practice Week is in November this year.",
    "Wigan Council's Start Well service offered support.",
    "The Alder Hey safeguarding team shared the skeletal survey results.",
    "Reading Working Together again, I noticed the emphasis on fathers.",
    "Bronfenbrenner's ecological model helps me think about the community.",
    "Turning Point offered a place on their programme.",
    "Kooth is an online counselling service for young people.",
]


# A second blind batch, written after the first was fixed and before running the check on it:
# every identifier found and no clean sentence flagged at the first run.
BLIND2 = [
    ("Following the Section 47, the ICPC decided on a Child Protection Plan.", []),
    ("I found Schön's idea of reflection-in-action useful here.", []),
    ("Sadly the Local Authority did not fund the placement.", []),
    ("Honesty and Openness were the values the manager kept returning to.", []),
    ("Kindness matters, even in a strategy meeting.", []),
    ("The Court granted an Interim Care Order in February.", []),
    ("Legal Gateway meeting booked for next Wednesday.", []),
    ("Ben's mum cancelled the appointment again.", ["name:Ben"]),
    ("Young Carers services offered Jade a place on their group.", ["name:Jade"]),
    ("At the PLO meeting Dad's solicitor raised the housing issue.", []),
    ("Prior to the visit I read the chronology from 2019 onwards.", []),
    ("The Designated Safeguarding Lead, Mrs Osei, made the referral.", ["title_name:Mrs Osei"]),
    ("Mum's ex-partner, Dean Walsh, is subject to a non-molestation order.", ["name:Dean Walsh"]),
    ("Layla (14) has been reported missing four times.", ["name:Layla", "age:14"]),
    ("Following Care Proceedings, Mia now lives with her paternal aunt.", ["name:Mia"]),
    ("Her school, Westfield Academy, has a good pastoral team.", ["place:Westfield Academy"]),
    ("They live in a flat above the chip shop on Church Street.", ["address:Church Street"]),
    ("Early Help closed the case after three months.", []),
    ("Adam told me he does not feel safe walking home.", ["name:Adam"]),
    ("Isaac's speech is delayed and he has no words at 2.", ["name:Isaac"]),
    ("Dad is 42 and works away during the week.", ["age:42"]),
    ("Mohammed, the eldest, is doing his GCSEs this year.", ["name:Mohammed"]),
    ("We agreed Safety Goals with the family using their own words.", []),
    ("Good Practice Guidance was circulated after the review.", []),
    ("Domestic Abuse Act 2021 recognises children as victims.", []),
    ("The Police Protection Order lasted 72 hours.", []),
    ("Rosie's nursery said she is often collected by a man they do not know.", ["name:Rosie"]),
    ("Frankie-Jo is 11 and is the main carer for her mum.", ["name:Frankie-Jo", "age:11"]),
    ("The children's guardian, Helen, supported the plan.", ["name:Helen"]),
    ("I should have challenged the GP when she said there were no concerns.", []),
    ("North West ADCS published the regional data.", []),
    ("Back to Basics training on neglect was really helpful.", []),
    ("Understanding the family's culture took time and humility.", []),
    ("Bailey was placed in foster care on Friday night.", ["name:Bailey"]),
    ("The Family Court judge asked for a parenting assessment.", []),
    ("I spoke to Miss Clarke, Chloe's class teacher.", ["title_name:Miss Clarke", "name:Chloe"]),
    ("Next Steps: share the plan with the school and the GP.", []),
    ("Reuben shouted at his mum and ran upstairs.", ["name:Reuben"]),
    ("Neither parent attended the Review Child Protection Conference.", []),
    ("His NI number is JX 45 67 89 B according to the DWP.", ["ni_number:JX 45 67 89 B"]),
]

@dataclass
class Score:
    labelled: int
    found: int
    true_positive: int
    names_labelled: int
    names_found: int
    clean_total: int
    clean_flagged: int
    misses: list[tuple[str, str]]
    false_alarms: list[tuple[str, str]]

    @property
    def recall(self) -> float:
        return self.true_positive / self.labelled

    @property
    def precision(self) -> float:
        return self.true_positive / self.found if self.found else 1.0

    @property
    def name_recall(self) -> float:
        return self.names_found / self.names_labelled

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean_total


def _labels(items: list[str]) -> Counter[tuple[str, str]]:
    return Counter(tuple(item.split(":", 1)) for item in items)


def score() -> Score:
    """Recall, precision, name recall and the clean false-alarm rate on the whole set."""
    labelled = found = tp = names_labelled = names_found = clean_total = clean_flagged = 0
    misses: list[tuple[str, str]] = []
    false_alarms: list[tuple[str, str]] = []
    for sentence, items in [*NAMES, *OTHER_KINDS, *PARAGRAPHS, *HARD, *BLIND, *BLIND2,
                            *((s, []) for s in [*CLEAN, *HARD_CLEAN])]:
        expected = _labels(items)
        got = Counter((f.kind, f.text) for f in check_text(sentence, today=TODAY))
        hit = expected & got
        labelled += sum(expected.values())
        found += sum(got.values())
        tp += sum(hit.values())
        names_labelled += sum(n for (kind, _), n in expected.items() if kind in ("name", "title_name"))
        names_found += sum(n for (kind, _), n in hit.items() if kind in ("name", "title_name"))
        clean_total += not items
        clean_flagged += bool(not items and got)
        misses += [(sentence, f"{k}:{t}") for (k, t) in expected - got]
        false_alarms += [(sentence, f"{k}:{t}") for (k, t) in got - expected]
    return Score(labelled, found, tp, names_labelled, names_found, clean_total, clean_flagged, misses,
                 false_alarms)
