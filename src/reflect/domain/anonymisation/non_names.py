"""Capitalised words in safeguarding writing that are not people's names.

The name lists hold almost every word a parent has ever registered, so the name detector must
know the capitalised words of the trade that happen to be, or look like, names: "Brook" (the
sexual health charity), "Jasper" (the reflective model), "Leigh" (a Wigan town), "May" (the
month), "Sarah's Law", "Working Together", the theorists a reflection cites ("Munro (2011)"),
the national reviews everyone has read (Arthur and Star). This module keeps them in one place,
in plain lists, so a practitioner or reviewer can read and extend them.

- `NON_NAMES`: single words (lower case) that are never reported as names on their own, unless a
  strong personal cue says otherwise ("May said", "Leigh's mum"): months and days, family and
  role words, agencies and services, theorists and models, brands, festivals, and the words of
  the app's own reflective models (domain/templates.py).
- `PLACES`: regions, counties, boroughs, towns and countries. A place is never a name after "in",
  "at", "from", "near" or "to"; otherwise it needs a personal cue ("Chester said").
- `PHRASES`: multi-word names of things ("Lucy Faithfull Foundation", "Sarah's Law", "Arthur and
  Star"), cited authors in pairs ("Reder and Duncan") and places of more than one word ("Sierra
  Leone", "the North West") whose words are not reported wherever the phrase appears.
- `CAR_MAKES`: the word after a make is a model ("a red Seat Leon"), not a person.
"""

from __future__ import annotations

import re
from functools import cache

from reflect.domain.templates import MODELS

_MONTHS_AND_DAYS = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
"""
_FAMILY_AND_ROLES = """
mum mummy mam mom dad daddy nan nana nanna nannan gran granny grandma grandad grandpa grandmother
grandfather auntie aunty aunt uncle baby babe sibling siblings mother father stepmum stepdad
stepmother stepfather carer child children kid kids boy girl son daughter brother sister cousin
team manager chair supervisor supervisee practitioner worker nurse doctor midwife teacher
headteacher head deputy governor officer sergeant constable inspector detective judge magistrate
guardian advocate student apprentice trainee volunteer lead senco sendco dsl ddsl iro sw fsw hv
"""
_AGENCIES = """
camhs ofsted nspcc mash lado gp nhs dwp cafcass barnardo barnardos childline kooth brook relate
shelter refuge samaritans mind safelives mencap scope turning addaction cgl catch22 stonewall
mermaids jigsaw frontline nice scie basw cqc hmip hmrc dfe dhsc iicsa ceop nca cps yot yjs
marac mappa idva isva ehcp icpc rcpc cin cp lac cla cse cce fgm prevent channel uasc nrm
encompass solihull theraplay ddp pace gcp dash barnardo's home-start homestart sure early help
makaton pecs tac tas caf eha ehm mosaic liquidlogic lcs wcs eclipse systmone emis rio
ofqual unicef who un nato salvation victim citizens gingerbread parentline familylives
kidscape papyrus childnet thinkuknow parentzone centrepoint spurgeons qwell togetherall headspace
jobcentre azeus frameworki carefirst caredirector lorenzo cerner
"""
_THEORISTS_AND_MODELS = """
gibbs driscoll kolb schon schön johns rolfe boud borton atkins murphy mezirow dewey brookfield
bloom maslow tuckman mumford bronfenbrenner bowlby ainsworth winnicott erikson
piaget vygotsky munro laming ferguson morrison wonnacott kadushin hawkins shohet proctor egan
karpman berne fook ruch fahlberg trevithick featherstone beckett sidebotham reder
macalister dweck kubler-ross lewin kotter argyris senge goleman rutter felitti
siegel golding bion freud fonagy crittenden belbin cooperrider seligman bandura
pavlov kahneman marmot beveridge climbie climbié connelly pelka labinjo-hughes
hobson johari turnell prochaska diclemente duluth hanen webster-stratton
belderson horwath unell aldgate wassell gilligan thoburn dingwall eekelaar bentovim lutman
corby calder cossar lefevre firmin broadhurst trowler
"""
_BRANDS_AND_FESTIVALS = """
snapchat tiktok instagram facebook whatsapp youtube twitter discord xbox playstation nintendo
fortnite roblox minecraft zoom teams uber deliveroo twitch reddit omegle yubo wizz vinted gumtree
paypal klarna ebay google microsoft word excel outlook alexa siri iphone
android ipad peppa bluey disney netflix lego barbie tesco asda aldi lidl morrisons sainsbury
sainsbury's greggs primark boots argos costa nando's kfc subway mcdonald's specsavers
astra corsa fiesta clio micra qashqai juke yaris aygo punto octavia zafira
amazon apple samsung vodafone virgin natwest santander nationwide asos shein ikea currys wilko
poundland heinz
christmas easter eid ramadan diwali hanukkah passover vaisakhi halloween bonfire god allah
jesus christ bible quran koran
hi hello thanks sorry okay ok yes no please dear regards
"""
PLACES_TEXT = """
wigan leigh ashton atherton tyldesley hindley standish ince pemberton golborne lowton abram
shevington aspull orrell winstanley worsley bolton bury oldham rochdale salford stockport
tameside trafford stretford wythenshawe manchester greater chorley blackburn burnley blackpool
preston lancaster morecambe kirkby knowsley sefton warrington widnes runcorn halton cheshire
crewe chester macclesfield skelmersdale ormskirk southport liverpool wirral birkenhead merseyside
lancashire yorkshire leeds bradford wakefield kirklees huddersfield halifax calderdale sheffield
rotherham barnsley doncaster york hull middlesbrough stockton darlington hartlepool durham
sunderland gateshead newcastle tyneside northumberland cumbria carlisle kendal barrow penrith
nottingham derby leicester lincoln northampton coventry birmingham dudley sandwell walsall
wolverhampton stoke stafford telford shrewsbury hereford worcester gloucester bristol bath
swindon oxford reading slough luton bedford milton keynes cambridge peterborough norwich
ipswich colchester chelmsford southend basildon harlow watford stevenage kent medway maidstone
canterbury dover brighton hove crawley guildford woking portsmouth southampton bournemouth
poole exeter plymouth torbay truro cornwall devon somerset dorset wiltshire hampshire sussex
surrey essex suffolk norfolk london camden hackney islington lambeth southwark lewisham
greenwich newham barking dagenham havering redbridge haringey enfield barnet harrow brent
ealing hounslow hillingdon richmond kingston merton sutton croydon bromley bexley westminster
kensington chelsea hammersmith fulham wandsworth wales cardiff swansea newport wrexham
scotland glasgow edinburgh belfast ireland england britain europe poland romania pakistan india
bangladesh nigeria ghana somalia eritrea syria afghanistan iraq iran jamaica lithuania latvia
ukraine jordan georgia kenya sudan albania vietnam china turkey egypt morocco spain portugal
france paris italy germany america africa asia australia sydney florence dallas austin
orlando jersey guernsey eden windsor
congo zimbabwe uganda ethiopia yemen libya tunisia algeria cameroon senegal gambia zambia malawi
tanzania rwanda burundi angola nepal myanmar thailand malaysia indonesia philippines japan korea
taiwan russia belarus moldova bulgaria hungary slovakia czechia austria switzerland belgium
netherlands holland denmark sweden norway finland iceland estonia croatia serbia bosnia kosovo
macedonia greece cyprus malta lebanon israel palestine gaza kuwait qatar oman bahrain canada
mexico brazil argentina chile peru colombia venezuela cuba barbados trinidad tobago guyana
kurdistan eritrea dubai lagos accra nairobi kabul karachi lahore islamabad dhaka sylhet mirpur
punjab kerala mumbai delhi warsaw krakow bucharest vilnius riga kyiv kiev tirana damascus baghdad
tehran mogadishu khartoum kinshasa harare kampala zurich
glasgow dundee aberdeen inverness stirling perth derry londonderry
ashford basingstoke bracknell cheltenham chichester gillingham grimsby harrogate hastings
huntingdon kettering lowestoft mansfield margate nuneaton redditch rugby scunthorpe shrewsbury
solihull stevenage tamworth thurrock wakefield worthing yeovil
"""
# Places of more than one word, and the compass names of regions: never names, wherever they stand.
_MULTI_WORD_PLACES = """
hong kong
sierra leone
new york
new zealand
new delhi
sri lanka
south africa
south sudan
costa rica
puerto rico
saudi arabia
el salvador
united states
united kingdom
czech republic
dominican republic
ivory coast
burkina faso
kuala lumpur
abu dhabi
los angeles
san francisco
las vegas
addis ababa
north west
north east
south west
south east
east midlands
west midlands
east anglia
west yorkshire
south yorkshire
north yorkshire
east sussex
west sussex
tyne and wear
isle of man
isle of wight
northern ireland
st albans
st ives
st austell
milton keynes
"""
# Cars: "a red Seat Leon", "a Ford Ka": the word after a make is a model, never a person.
CAR_MAKES = frozenset("""
ford vauxhall seat skoda kia audi bmw mini nissan toyota honda peugeot renault citroen citroën fiat
volkswagen vw hyundai mazda volvo jaguar tesla suzuki mitsubishi dacia lexus porsche
landrover land range rover cupra alfa chevrolet chevy jeep subaru smart mg
""".split())
PHRASES_TEXT = """
lucy faithfull foundation
anna freud
marie curie
sue ryder
great ormond street
alder hey
sarah's law
clare's law
helen's law
martha's rule
jade's law
arthur and star
arthur labinjo-hughes
star hobson
victoria climbié
victoria climbie
peter connelly
baby p
daniel pelka
khyra ishaq
hamzah khan
ellie butler
logan mwangi
finley boden
working together
children act
fraser guidelines
fraser competent
fraser competence
gillick competence
gillick competent
signs of safety
team around the family
team around the child
safe and together
honey and mumford
hawkins and shohet
atkins and murphy
reder and duncan
reder, duncan and gray
brandon and belderson
brandon, belderson
cleaver and unell
cleaver, unell and aldgate
daniel, wassell and gilligan
howe, brandon, hinings and schofield
featherstone, white and morris
ferguson and featherstone
munro and hubbard
milton keynes
st helens
home start
women's aid
victim support
action for children
the children's society
change grow live
we are with you
citizens advice
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _model_words() -> frozenset[str]:
    """Capitalised words of the app's own reflective models: names, stage labels and prompts."""
    texts = []
    for model in MODELS:
        texts.append(model.name)
        for stage in model.stages:
            texts += [stage.label, stage.prompt]
    return frozenset(w.lower() for w in re.findall(r"[A-Z][\w'-]+", " ".join(texts)))


NON_NAMES: frozenset[str] = (
    _words(_MONTHS_AND_DAYS) | _words(_FAMILY_AND_ROLES) | _words(_AGENCIES)
    | _words(_THEORISTS_AND_MODELS) | _words(_BRANDS_AND_FESTIVALS) | _model_words()
)
MONTHS_AND_DAYS: frozenset[str] = _words(_MONTHS_AND_DAYS)
THEORISTS: frozenset[str] = _words(_THEORISTS_AND_MODELS)
PLACES: frozenset[str] = _words(PLACES_TEXT)


@cache
def phrases_by_first_word() -> dict[str, tuple[str, ...]]:
    """The phrases, grouped by their first word, longest first."""
    grouped: dict[str, list[str]] = {}
    for line in (PHRASES_TEXT + _MULTI_WORD_PLACES).split("\n"):
        phrase = " ".join(line.split())
        if not phrase:
            continue
        grouped.setdefault(phrase.split()[0], []).append(phrase)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()}


def words_of(texts: tuple[str, ...]) -> frozenset[str]:
    """The capitalised words of the caller's texts (the practitioner's name, a briefing, a model's
    prompts), in lower case: `check_text`'s `not_names`."""
    return frozenset(w.lower() for text in texts for w in re.findall(r"[^\W\d_][\w-]*", text)
                     if w[0].isupper())
