"""What each rule means, in English and French, with a bad and a good example.

This is the single source of ``pathfinder lint --explain CODE``, of the SARIF rules' help and of
the rules section of ``docs/lint-rules.md`` (regenerated with ``python -m pathfinder.lint.rule_docs
--write docs/lint-rules.md``; a test checks that the file is up to date). Examples are catalog
fragments, not whole catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    en: str
    fr: str
    bad: str
    good: str
    fence: str = "yaml"
    """The examples' language for Markdown code fences."""

    def text(self, lang: str | None) -> str:
        return self.fr if lang == "fr" else self.en


EXPLANATIONS: dict[str, Explanation] = {
    # ---------------------------------------------------------------- PF0xx: reading the YAML
    "PF001": Explanation(
        en="The file is not valid YAML: the parser stopped at this position (an unclosed bracket or "
        "quote, a key and its value on badly indented lines, an alias naming no anchor), or the file "
        "holds several YAML documents separated by `---`. Nothing else in the file can be checked "
        "until it parses.",
        fr="Le fichier n'est pas du YAML valide : l'analyse s'est arrêtée à cette position (crochet "
        "ou guillemet non fermé, clé et valeur mal indentées, alias qui ne désigne aucune ancre), ou "
        "le fichier contient plusieurs documents YAML séparés par `---`. Rien d'autre dans le fichier "
        "ne peut être vérifié tant qu'il n'est pas lisible.",
        bad="skills:\n  - {id: welding, name: Welding, category: metal",
        good="skills:\n  - {id: welding, name: Welding, category: metal}",
    ),
    "PF002": Explanation(
        en="A mapping has the same key twice. Most YAML tools silently keep the last value, so one of "
        "the two is lost without anyone noticing; Pathfinder refuses the file and names both places. "
        "Keep one key and merge the values.",
        fr="Un dictionnaire contient deux fois la même clé. La plupart des outils YAML gardent la "
        "dernière valeur sans rien dire : l'une des deux est perdue sans que personne ne s'en aperçoive. "
        "Pathfinder refuse le fichier et indique les deux emplacements. Gardez une seule clé.",
        bad="  - id: hv-b2l\n    hours: 21\n    hours: 35",
        good="  - id: hv-b2l\n    hours: 21",
    ),
    "PF003": Explanation(
        en="The file uses an explicit YAML tag such as `!!python/object` or `!include`. Tags can make "
        "YAML loaders build arbitrary objects or read other files; a catalog is plain data, so only "
        "YAML's core tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`) are allowed.",
        fr="Le fichier utilise une étiquette YAML explicite comme `!!python/object` ou `!include`. Les "
        "étiquettes permettent à certains chargeurs YAML de construire des objets arbitraires ou de lire "
        "d'autres fichiers ; un catalogue est fait de données simples, seules les étiquettes de base de "
        "YAML (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`) sont permises.",
        bad="  - id: welding\n    name: !include names/welding.yaml",
        good="  - id: welding\n    name: {en: Welding, fr: Soudage}",
    ),
    "PF004": Explanation(
        en="A catalog file is larger than 50 MB. The size is checked before reading, so the file is "
        "refused unread. The limit protects every tool that reads catalogs from unbounded memory use. Split the catalog into several files in one directory: all the "
        "files of a directory form one catalog.",
        fr="Un fichier de catalogue dépasse 50 Mo. La taille est vérifiée avant la lecture : le "
        "fichier est refusé sans être lu. La limite protège les outils qui lisent les "
        "catalogues d'une consommation de mémoire sans borne. Découpez le catalogue en plusieurs "
        "fichiers d'un même dossier : tous les fichiers d'un dossier forment un seul catalogue.",
        bad="catalog.yaml              (80 MB)",
        good="catalog/\n  skills.yaml             (12 MB)\n  courses-north.yaml      (30 MB)\n  courses-south.yaml      (38 MB)",
        fence="text",
    ),
    "PF005": Explanation(
        en="Lists and mappings are nested more than 64 levels deep. A catalog needs five or six "
        "levels at most; deeper nesting is a mistake (an unbalanced bracket) or a hostile file, and "
        "reading stops there.",
        fr="Listes et dictionnaires sont imbriqués sur plus de 64 niveaux. Un catalogue n'en demande "
        "que cinq ou six ; une imbrication plus profonde est une erreur (crochet non équilibré) ou un "
        "fichier malveillant, et la lecture s'arrête là.",
        bad="    grants: [[[[[[[[[[[[[[[[ ... ]]]]]]]]]]]]]]]]",
        good="    grants: {welding: 2}",
    ),
    "PF006": Explanation(
        en="Anchors and aliases (`&a`, `*a`) expand to more than 100,000 nodes. Nested aliases grow "
        'exponentially (the "billion laughs" attack) and could exhaust memory, so reading stops. '
        "Write the data out, or use aliases only for small repeated values.",
        fr="Les ancres et alias (`&a`, `*a`) se développent en plus de 100 000 nœuds. Des alias "
        "imbriqués croissent de façon exponentielle (attaque « billion laughs ») et pourraient épuiser "
        "la mémoire : la lecture s'arrête. Écrivez les données en entier, ou réservez les alias à de "
        "petites valeurs répétées.",
        bad="a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
        good='sources: &rncp ["RNCP 35123"]\ncourses:\n  - {id: a, sources: *rncp}',
    ),
    "PF007": Explanation(
        en="The file is not UTF-8: it is UTF-16, or it holds bytes that are not valid UTF-8 (a file "
        "saved as Latin-1 or Windows-1252, where `é` is one byte). Save it as UTF-8 in your editor.",
        fr="Le fichier n'est pas en UTF-8 : il est en UTF-16, ou contient des octets qui ne sont pas "
        "de l'UTF-8 valide (fichier enregistré en Latin-1 ou Windows-1252, où `é` tient sur un octet). "
        "Enregistrez-le en UTF-8 depuis votre éditeur.",
        bad="name: {fr: Cl\\xe9on}        # saved as Latin-1: byte 0xe9",
        good="name: {fr: Cléon}           # saved as UTF-8: bytes 0xc3 0xa9",
        fence="text",
    ),
    "PF008": Explanation(
        en="The file starts with a UTF-8 byte-order mark (BOM), which some Windows editors add. It is "
        "read correctly, but other tools choke on it or include it in the first key. Save the file "
        "as UTF-8 without BOM.",
        fr="Le fichier commence par une marque d'ordre des octets (BOM) UTF-8, qu'ajoutent certains "
        "éditeurs sous Windows. Pathfinder le lit correctement, mais d'autres outils s'y trompent ou "
        "l'intègrent à la première clé. Enregistrez le fichier en UTF-8 sans BOM.",
        bad="<BOM>catalog:\n  name: ReKnow pathways",
        good="catalog:\n  name: ReKnow pathways",
        fence="text",
    ),
    "PF009": Explanation(
        en="A line is indented with a tab character. YAML forbids tabs in indentation, and editors "
        "show them at different widths, so the structure you see may not be the one written. "
        "Indent with spaces.",
        fr="Une ligne est indentée avec une tabulation. YAML interdit les tabulations dans "
        "l'indentation, et les éditeurs les affichent avec des largeurs différentes : la structure "
        "affichée n'est peut-être pas celle écrite. Indentez avec des espaces.",
        bad="skills:\n<TAB>- id: welding",
        good="skills:\n  - id: welding",
        fence="text",
    ),
    "PF010": Explanation(
        en="A file or directory of the catalog cannot be read: no permission, a broken symbolic link, "
        "a device error, or a path named `*.yaml` that is not a regular file (a named pipe, a device "
        "such as `/dev/zero`, a socket), which is refused without being read. A subdirectory that "
        "cannot be listed is reported too, rather than its files silently missing. The lint exits "
        "with status 2, like for a path that does not exist. Fix the permissions or remove the entry "
        "from the catalog directory.",
        fr="Un fichier ou un dossier du catalogue ne peut pas être lu : droits insuffisants, lien "
        "symbolique cassé, erreur de périphérique, ou un chemin nommé `*.yaml` qui n'est pas un "
        "fichier ordinaire (tube nommé, périphérique comme `/dev/zero`, socket), refusé sans être lu. "
        "Un sous-dossier impossible à lister est signalé aussi, plutôt que ses fichiers manquent sans "
        "bruit. Le linter se termine avec le code 2, comme pour un chemin qui n'existe pas. Corrigez "
        "les droits ou retirez l'entrée du dossier du catalogue.",
        bad="$ ls -l catalog/courses.yaml\n--w------- 1 alex alex 4096 courses.yaml",
        good="$ ls -l catalog/courses.yaml\n-rw-r--r-- 1 alex alex 4096 courses.yaml",
        fence="text",
    ),
    # ---------------------------------------------------------------- PF1xx: schema and references
    "PF101": Explanation(
        en="A key that the catalog format does not define: an unknown section at the top of a file, "
        "or an unknown field in an entry. It is almost always a typo (`grant:` for `grants:`), and "
        "the value would otherwise be ignored without a word. The message suggests the closest key.",
        fr="Une clé que le format du catalogue ne définit pas : section inconnue en tête de fichier, "
        "ou champ inconnu dans une entrée. C'est presque toujours une faute de frappe (`grant:` pour "
        "`grants:`), et la valeur serait sinon ignorée sans un mot. Le message suggère la clé la plus "
        "proche.",
        bad="  - id: hv-b2l\n    grant: {hv-safety-b2l: 1}",
        good="  - id: hv-b2l\n    grants: {hv-safety-b2l: 1}",
    ),
    "PF102": Explanation(
        en="An entry lacks a required field, such as a course without `hours` or a job without "
        "`outlook`. The fields each kind requires are listed in docs/catalog-format.md.",
        fr="Il manque à une entrée un champ obligatoire, par exemple une formation sans `hours` ou un "
        "métier sans `outlook`. Les champs requis pour chaque type sont listés dans "
        "docs/catalog-format.md.",
        bad="  - {id: welding, name: {en: Welding, fr: Soudage}}",
        good="  - {id: welding, name: {en: Welding, fr: Soudage}, category: metal}",
    ),
    "PF103": Explanation(
        en='A value has the wrong type: text where a number is expected (`hours: "21"` in quotes '
        "is text), a list where a mapping is expected, a plain string name in a catalog with several "
        "languages. Write the value the way the format describes it.",
        fr='Une valeur n\'a pas le bon type : du texte là où un nombre est attendu (`hours: "21"` '
        "entre guillemets est du texte), une liste là où un dictionnaire est attendu, un nom en texte "
        "simple dans un catalogue à plusieurs langues. Écrivez la valeur comme le décrit le format.",
        bad='    hours: "21"\n    grants: [hv-safety-b2l]',
        good="    hours: 21\n    grants: {hv-safety-b2l: 1}",
    ),
    "PF104": Explanation(
        en="A number is out of its range, or a list or mapping that needs content is empty: hours and "
        "weeks must be above 0, cost and openings 0 or more, levels 1 or more, `lat` within "
        "[-90, 90] and `lon` within [-180, 180], `hands_on` within [0, 1], `grants` not empty; or a "
        "value is not in its form: a date (YYYY-MM-DD), a language code, an `rncp` (RNCP and digits) "
        "or `rs` (RS and digits) code, a `lheo` number.",
        fr="Un nombre sort de ses limites, ou une liste ou un dictionnaire qui doit avoir un contenu "
        "est vide : heures et semaines au-dessus de 0, coût et postes ouverts à 0 ou plus, niveaux à 1 "
        "ou plus, `lat` dans [-90, 90] et `lon` dans [-180, 180], `hands_on` dans [0, 1], `grants` non "
        "vide ; ou une valeur n'a pas sa forme : une date (AAAA-MM-JJ), un code de langue, un code "
        "`rncp` (RNCP et des chiffres) ou `rs` (RS et des chiffres), un numéro `lheo`.",
        bad="  - {id: flins, name: Flins, region: Île-de-France, lat: 148.965, lon: 1.873}",
        good="  - {id: flins, name: Flins, region: Île-de-France, lat: 48.965, lon: 1.873}",
    ),
    "PF105": Explanation(
        en="An id that is not lower-case kebab-case. Ids appear in commands, URLs and other entries' "
        "references; one spelling avoids `HV_B2L` and `hv-b2l` being two different things. Use "
        "lower-case letters, digits and single dashes.",
        fr="Un identifiant qui n'est pas en minuscules kebab-case. Les identifiants apparaissent dans "
        "les commandes, les URL et les références des autres entrées ; une seule graphie évite que "
        "`HV_B2L` et `hv-b2l` désignent deux choses. Utilisez minuscules, chiffres et tirets simples.",
        bad="  - id: HV_B2L",
        good="  - id: hv-b2l",
    ),
    "PF106": Explanation(
        en="Two entries of the same kind share an id, in one file or across files. References to "
        "that id would be ambiguous. Rename one, or merge them. A skill and a job may share an id; "
        "two skills may not.",
        fr="Deux entrées du même type ont le même identifiant, dans un fichier ou d'un fichier à "
        "l'autre. Les références à cet identifiant seraient ambiguës. Renommez l'une d'elles ou "
        "fusionnez-les. Une compétence et un métier peuvent partager un identifiant ; deux compétences "
        "non.",
        bad="courses:\n  - {id: hv-b2l, ...}\n  - {id: hv-b2l, ...}",
        good="courses:\n  - {id: hv-b2l-vehicle, ...}\n  - {id: hv-b2l-battery, ...}",
    ),
    "PF107": Explanation(
        en="A reference to an entry that does not exist: a job's sector, a course's provider or "
        "sites, a skill in `requires`, `requires_any` or `grants`, a site in a job's `openings` "
        "(openings on a site that does not exist). The message suggests the closest existing id.",
        fr="Une référence à une entrée qui n'existe pas : secteur d'un métier, organisme ou sites "
        "d'une formation, compétence dans `requires`, `requires_any` ou `grants`, site dans les "
        "`openings` d'un métier (postes sur un site inexistant). Le message suggère l'identifiant "
        "existant le plus proche.",
        bad="    openings: {flinz: 12}",
        good="    openings: {flins: 12}",
    ),
    "PF108": Explanation(
        en="A level above the skill's `max_level` (3 unless the skill says otherwise), in a "
        "requirement or a grant. Such a requirement can never be met; such a grant means the skill's "
        "scale is wrong. Lower the level or raise `max_level`.",
        fr="Un niveau supérieur au `max_level` de la compétence (3 sauf indication contraire), dans "
        "une exigence ou un acquis. Une telle exigence ne peut jamais être satisfaite ; un tel acquis "
        "signale une échelle mal définie. Baissez le niveau ou relevez `max_level`.",
        bad="skills:\n  - {id: hv-safety-b2l, name: B2L, category: safety, max_level: 1}\njobs:\n  - {id: ev-technician, ..., requires: {hv-safety-b2l: 2}}",
        good="skills:\n  - {id: hv-safety-b2l, name: B2L, category: safety, max_level: 1}\njobs:\n  - {id: ev-technician, ..., requires: {hv-safety-b2l: 1}}",
    ),
    "PF109": Explanation(
        en="The `catalog:` block, with the catalog's name, version and languages, is missing from "
        "every file, incomplete, or present more than once. A catalog declares it exactly once, in "
        "any one of its files. Linting one file of a multi-file catalog on its own also ends here: "
        "lint the whole directory.",
        fr="Le bloc `catalog:` (nom, version et langues du catalogue) manque dans tous les fichiers, "
        "est incomplet ou apparaît plusieurs fois. Un catalogue le déclare exactement une fois, dans "
        "l'un quelconque de ses fichiers. Vérifier seul un fichier d'un catalogue en plusieurs fichiers "
        "aboutit aussi ici : vérifiez le dossier entier.",
        bad='# catalog/skills.yaml\ncatalog: {name: ReKnow, version: "1"}\n# catalog/courses.yaml\ncatalog: {name: ReKnow, version: "2"}',
        good='# catalog/catalog.yaml\ncatalog: {name: ReKnow, version: "2", languages: [en, fr]}',
    ),
    "PF110": Explanation(
        en="A name lacks one of the catalog's declared languages. Readers in that language see the "
        "catalog's first language instead. Add the translation.",
        fr="Un nom n'existe pas dans l'une des langues déclarées par le catalogue. Les lecteurs de "
        "cette langue voient à la place la première langue du catalogue. Ajoutez la traduction.",
        bad='catalog: {name: ReKnow, version: "1", languages: [en, fr]}\nskills:\n  - {id: welding, name: {en: Welding}, category: metal}',
        good='catalog: {name: ReKnow, version: "1", languages: [en, fr]}\nskills:\n  - {id: welding, name: {en: Welding, fr: Soudage}, category: metal}',
    ),
    "PF111": Explanation(
        en="A value that must be one of a fixed list is not: a course `format` other than `onsite`, "
        "`online` or `hybrid`, a job `outlook` other than `declining`, `stable` or `growing`, a "
        "course `funding` source other than `cpf`, `employer`, `opco`, `region` or "
        "`france-travail`. The message names the closest allowed values.",
        fr="Une valeur qui doit appartenir à une liste fixe n'en fait pas partie : `format` d'une "
        "formation autre que `onsite`, `online` ou `hybrid`, `outlook` d'un métier autre que "
        "`declining`, `stable` ou `growing`, financement (`funding`) d'une formation autre que "
        "`cpf`, `employer`, `opco`, `region` ou `france-travail`. Le message cite les valeurs "
        "autorisées les plus proches.",
        bad="    format: classroom",
        good="    format: onsite",
    ),
    "PF112": Explanation(
        en="A job's `rome` is not a ROME code (France Travail's job classification): one letter from "
        "A to N, then four digits.",
        fr="Le `rome` d'un métier n'est pas un code ROME (nomenclature des métiers de France "
        "Travail) : une lettre de A à N, puis quatre chiffres.",
        bad="    rome: H-2909",
        good="    rome: H2909",
    ),
    "PF113": Explanation(
        en="An `onsite` or `hybrid` course lists no `sites`. Without a site, distance limits cannot "
        "apply and nobody knows where to go. List the sites, or make the course `online` if it is.",
        fr="Une formation `onsite` ou `hybrid` n'indique aucun site (`sites`). Sans site, les limites "
        "de distance ne s'appliquent pas et personne ne sait où se rendre. Indiquez les sites, ou "
        "déclarez la formation `online` si elle l'est.",
        bad="    format: onsite",
        good="    format: onsite\n    sites: [flins, cleon]",
    ),
    "PF114": Explanation(
        en="A name has a text in a language the catalog does not declare in `catalog.languages`. "
        "Either the language code is a typo (`en-GB`, `fre`) or the language should be declared.",
        fr="Un nom a un texte dans une langue que le catalogue ne déclare pas dans "
        "`catalog.languages`. Soit le code de langue est une faute (`en-GB`, `fre`), soit la langue "
        "doit être déclarée.",
        bad='catalog: {name: ReKnow, version: "1", languages: [en, fr]}\nskills:\n  - {id: welding, name: {en: Welding, fre: Soudage}, category: metal}',
        good='catalog: {name: ReKnow, version: "1", languages: [en, fr]}\nskills:\n  - {id: welding, name: {en: Welding, fr: Soudage}, category: metal}',
    ),
    "PF116": Explanation(
        en="A course session does not fit its course: its `site` is not one of the course's "
        "`sites`, it is `online` for an on-site course, it is at a site for an online course, or "
        "it says neither where nor `online` for a course that has sites. A person near that site "
        "would be sent to a session that cannot happen there.",
        fr="Une session ne correspond pas à sa formation : son `site` n'est pas l'un des `sites` "
        "de la formation, elle est `online` pour une formation sur site, elle a un site pour une "
        "formation en ligne, ou elle n'indique ni lieu ni `online` pour une formation qui a des "
        "sites. Une personne proche de ce site serait envoyée à une session qui ne peut pas s'y "
        "tenir.",
        bad="    format: onsite\n    sites: [flins]\n    sessions:\n      - {start: 2027-03-08, site: cleon}",
        good="    format: onsite\n    sites: [flins, cleon]\n    sessions:\n      - {start: 2027-03-08, site: cleon}",
    ),
    "PF115": Explanation(
        en="The catalog has its `catalog:` block but no sectors, providers, sites, skills, jobs or "
        "courses at all, usually because the wrong directory was given.",
        fr="Le catalogue a son bloc `catalog:` mais aucun secteur, organisme, site, compétence, "
        "métier ni formation, en général parce que le mauvais dossier a été indiqué.",
        bad='catalog: {name: ReKnow, version: "1"}',
        good='catalog: {name: ReKnow, version: "1"}\nskills:\n  - {id: welding, name: Welding, category: metal}',
    ),
    # ---------------------------------------------------------------- PF2xx: the whole catalog
    "PF201": Explanation(
        en="No profile built from the catalog can ever take this course. A profile is a set of jobs "
        "held (each job's `requires` count as held skills); since taking courses only raises levels, "
        "the course is checked from the strongest such profile, someone who held every job, after "
        "any sequence of courses. When even that person cannot meet a prerequisite, nobody the "
        "catalog describes can, and the planner will never use the course. The message names every "
        "prerequisite nothing reaches; usually a course granting it is missing, or a level is too high.",
        fr="Aucun profil construit à partir du catalogue ne peut jamais suivre cette formation. Un "
        "profil est un ensemble de métiers exercés (les `requires` de chaque métier comptent comme "
        "compétences acquises) ; comme suivre des formations ne fait que monter les niveaux, la "
        "formation est vérifiée depuis le profil le plus fort, quelqu'un qui aurait exercé tous les "
        "métiers, après n'importe quelle suite de formations. Si même cette personne ne peut pas "
        "satisfaire un prérequis, personne ne le peut, et le planificateur n'utilisera jamais la "
        "formation. Le message cite chaque prérequis que rien n'atteint ; en général il manque une "
        "formation qui l'apporte, ou un niveau est trop élevé.",
        bad="courses:\n  - id: bms-diagnosis\n    requires: {battery-chemistry: 3}     # nothing grants level 3\n    grants: {bms-diagnosis: 2}",
        good="courses:\n  - id: battery-chemistry-advanced\n    requires: {battery-chemistry: 2}\n    grants: {battery-chemistry: 3}\n  - id: bms-diagnosis\n    requires: {battery-chemistry: 3}\n    grants: {bms-diagnosis: 2}",
    ),
    "PF202": Explanation(
        en="A target job (outlook `growing`; `declining` and `stable` jobs are where people come "
        "from, not where they go) that nobody who has not already held it can reach: one of its required "
        "levels is neither held by another job nor granted by any course that can be taken (see "
        "PF201). The message names the missing skills and levels. This check never raises a false "
        "alarm; it can miss a job whose only route runs through a course that needs the job's own "
        "skills.",
        fr="Un métier cible (perspective `growing` ; les métiers `declining` et `stable` sont ceux "
        "qu'on quitte, pas ceux qu'on vise) que personne ne peut atteindre sans l'avoir déjà exercé : "
        "l'un des niveaux requis n'est détenu par aucun autre métier et n'est apporté par aucune "
        "formation accessible (voir PF201). Le message cite les compétences et niveaux manquants. "
        "Cette vérification ne donne jamais de fausse alerte ; elle peut manquer un métier dont le seul "
        "chemin passe par une formation qui exige les compétences du métier lui-même.",
        bad="jobs:\n  - id: battery-recycler\n    outlook: growing\n    requires: {black-mass-processing: 2}   # no course grants it\n    ...",
        good="courses:\n  - id: black-mass-basics\n    grants: {black-mass-processing: 2}\n    ...",
    ),
    "PF203": Explanation(
        en="Courses that can only unlock each other: each needs a skill level that only the "
        "previous course of the cycle grants (no job holds it, no course that can be taken grants "
        "it), so none can be taken first. The message gives the cycle in order, starting from the course "
        "written first (`a → b` means `a` grants what `b` needs). Break the cycle: drop one "
        "prerequisite, or add a course that grants it from scratch. Each course of the cycle is also "
        "reported as unreachable (PF201).",
        fr="Des formations qui ne peuvent s'ouvrir que l'une l'autre : chacune exige un niveau de "
        "compétence que seule la précédente du cycle apporte (aucun métier ne le détient, aucune "
        "formation accessible ne l'apporte), si bien qu'aucune ne peut être suivie en premier. Le message donne le cycle dans l'ordre, à partir de la formation écrite en premier "
        "(`a → b` signifie que `a` apporte ce qu'exige `b`). Cassez le cycle : retirez un prérequis, ou "
        "ajoutez une formation qui l'apporte sans prérequis. Chaque formation du cycle est aussi "
        "signalée comme inaccessible (PF201).",
        bad="courses:\n  - {id: cell-assembly, requires: {cell-testing: 1}, grants: {cell-assembly: 1}, ...}\n  - {id: cell-testing, requires: {cell-assembly: 1}, grants: {cell-testing: 1}, ...}",
        good="courses:\n  - {id: cell-assembly, grants: {cell-assembly: 1}, ...}\n  - {id: cell-testing, requires: {cell-assembly: 1}, grants: {cell-testing: 1}, ...}",
    ),
    "PF204": Explanation(
        en="A skill that no job requires, no course requires and no course grants. It plays no part "
        "in any path: a leftover from an edit, or an id misspelt where it is used (which PF107 would "
        "then report). Use it or remove it.",
        fr="Une compétence qu'aucun métier n'exige, qu'aucune formation n'exige ni n'apporte. Elle ne "
        "joue aucun rôle dans les parcours : reste d'une modification, ou identifiant mal orthographié "
        "là où il sert (ce que PF107 signale alors). Utilisez-la ou supprimez-la.",
        bad="skills:\n  - {id: pneumatics, name: Pneumatics, category: mechanics}   # used nowhere",
        good="skills:\n  - {id: pneumatics, name: Pneumatics, category: mechanics}\ncourses:\n  - {id: pneumatics-basics, grants: {pneumatics: 1}, ...}",
    ),
    "PF205": Explanation(
        en="A skill that courses require, but that no course grants and no job holds (no job "
        "requires it). Nobody can ever have it, so a `requires` on it makes the course unreachable "
        "(PF201) and a `requires_any` alternative on it is dead. Add a course that grants it, or fix "
        "the prerequisite.",
        fr="Une compétence que des formations exigent, mais qu'aucune formation n'apporte et qu'aucun "
        "métier ne détient (aucun métier ne l'exige). Personne ne peut jamais l'avoir : un `requires` "
        "sur elle rend la formation inaccessible (PF201), une alternative `requires_any` sur elle est "
        "morte. Ajoutez une formation qui l'apporte, ou corrigez le prérequis.",
        bad="skills:\n  - {id: cad-modelling, name: CAD, category: design}\ncourses:\n  - {id: jig-design, requires: {cad-modelling: 1}, grants: {jig-design: 1}, ...}",
        good="courses:\n  - {id: cad-basics, grants: {cad-modelling: 1}, ...}\n  - {id: jig-design, requires: {cad-modelling: 1}, grants: {jig-design: 1}, ...}",
    ),
    "PF206": Explanation(
        en="Every skill the course grants is already demanded, at that level or higher, by its own "
        "prerequisites (`requires`, and `requires_any` groups of one skill). Whoever can take it "
        "gains nothing, so the planner never picks it. Usually a grant level is too low, or a grant "
        "and a prerequisite were swapped.",
        fr="Chaque compétence qu'apporte la formation est déjà exigée, à ce niveau ou plus, par ses "
        "propres prérequis (`requires`, et groupes `requires_any` d'une seule compétence). Qui peut la "
        "suivre n'y gagne rien, et le planificateur ne la choisit jamais. En général un niveau apporté "
        "est trop bas, ou un acquis et un prérequis ont été inversés.",
        bad="  - id: welding-refresher\n    requires: {welding: 2}\n    grants: {welding: 2}",
        good="  - id: welding-refresher\n    requires: {welding: 2}\n    grants: {welding: 3}",
    ),
    "PF207": Explanation(
        en="Two courses with exactly the same grants, `requires` and `requires_any`: likely the same "
        "course entered twice, perhaps under two ids. If they really are two offerings (two "
        "providers, two sites), keep both and suppress the warning on the second with "
        "`# pathfinder: ignore[PF207]`.",
        fr="Deux formations aux acquis, `requires` et `requires_any` identiques : probablement la même "
        "formation saisie deux fois, peut-être sous deux identifiants. S'il s'agit vraiment de deux "
        "offres (deux organismes, deux sites), gardez-les et supprimez l'avertissement sur la seconde "
        "avec `# pathfinder: ignore[PF207]`.",
        bad="  - {id: hv-b2l, provider: campus, requires: {electrical-basics: 1}, grants: {hv-safety-b2l: 1}, ...}\n  - {id: hv-b2l-2, provider: campus, requires: {electrical-basics: 1}, grants: {hv-safety-b2l: 1}, ...}",
        good="  - {id: hv-b2l, provider: campus, requires: {electrical-basics: 1}, grants: {hv-safety-b2l: 1}, ...}\n  - {id: hv-b2l-afpa, provider: afpa, requires: {electrical-basics: 1}, grants: {hv-safety-b2l: 1}, ...}  # pathfinder: ignore[PF207]",
    ),
    "PF208": Explanation(
        en="The course's `hours` divided by its `weeks` is more than 45 hours a week, beyond a "
        "full-time working week. Usually `weeks` is wrong (days or months entered as weeks) or the "
        "hours are a total for several sessions.",
        fr="Les `hours` de la formation divisées par ses `weeks` dépassent 45 heures par semaine, "
        "au-delà d'une semaine de travail à temps plein. En général `weeks` est faux (des jours ou des "
        "mois saisis comme semaines) ou les heures totalisent plusieurs sessions.",
        bad="    hours: 140\n    weeks: 1",
        good="    hours: 140\n    weeks: 4",
    ),
    "PF209": Explanation(
        en="The course lasts more than 2,000 hours, over a year of full-time training. Possible "
        "(some degrees do), but more often minutes entered as hours or an extra zero.",
        fr="La formation dure plus de 2 000 heures, plus d'un an de formation à temps plein. C'est "
        "possible (certains diplômes), mais plus souvent des minutes saisies comme des heures ou un "
        "zéro de trop.",
        bad="    hours: 2100      # 35 hours written in minutes\n    weeks: 1",
        good="    hours: 35\n    weeks: 1",
    ),
    "PF210": Explanation(
        en="In a catalog with `fr` among its languages, a site outside metropolitan France and "
        "Corsica (latitude 41.3 to 51.2, longitude -5.3 to 9.7). Most often latitude and longitude "
        "are swapped (the message says so when swapping them lands in France), or a sign is lost. "
        "A genuine site abroad or overseas can keep its coordinates: suppress the warning on it.",
        fr="Dans un catalogue dont les langues comprennent `fr`, un site hors de la France "
        "métropolitaine et de la Corse (latitude de 41,3 à 51,2, longitude de -5,3 à 9,7). Le plus "
        "souvent latitude et longitude sont inversées (le message le dit quand les inverser ramène en "
        "France), ou un signe s'est perdu. Un site réellement à l'étranger ou outre-mer garde ses "
        "coordonnées : supprimez l'avertissement sur ce site.",
        bad="  - {id: flins, name: Flins, region: Île-de-France, lat: 1.873, lon: 48.965}",
        good="  - {id: flins, name: Flins, region: Île-de-France, lat: 48.965, lon: 1.873}",
    ),
    "PF211": Explanation(
        en="A session of the course ended before today (its `end`, or its default end, is before "
        "the day the lint looks from: `--today`, else today). No one can attend it any more; the "
        "planner ignores it. Remove it, or correct its dates if it is a typo (2026 for 2027). "
        "When every session of a course is past, PF212 reports the course once instead. The "
        "finding changes with the date, so the lint's cache keys on the day.",
        fr="Une session de la formation s'est terminée avant aujourd'hui (sa fin, `end` ou celle "
        "par défaut, précède le jour d'où regarde la vérification : `--today`, sinon aujourd'hui). "
        "Personne ne peut plus y assister ; le planificateur l'ignore. Supprimez-la, ou corrigez "
        "ses dates s'il s'agit d'une faute de frappe (2026 pour 2027). Quand toutes les sessions "
        "d'une formation sont passées, PF212 signale la formation une seule fois à la place. Le "
        "résultat change avec la date : le cache de la vérification tient compte du jour.",
        bad="    sessions:\n      - {start: 2026-06-01, end: 2026-06-05, site: flins}   # today: 2026-12-01\n      - {start: 2027-01-11, site: flins}",
        good="    sessions:\n      - {start: 2027-01-11, site: flins}",
    ),
    "PF212": Explanation(
        en="The course lists sessions, and every one of them ended before today: no one can take "
        "it, and every path through it is lost. A course without sessions runs on demand, so "
        "either list the sessions to come, or remove the past ones. Its sessions are not also "
        "reported one by one (PF211).",
        fr="La formation indique des sessions, et toutes se sont terminées avant aujourd'hui : "
        "personne ne peut la suivre, et tous les parcours qui passent par elle sont perdus. Une "
        "formation sans session a lieu à la demande : indiquez les sessions à venir, ou "
        "supprimez les sessions passées. Ses sessions ne sont pas en plus signalées une à une "
        "(PF211).",
        bad="    sessions:                                  # today: 2026-12-01\n      - {start: 2026-03-02, site: flins}\n      - {start: 2026-09-07, site: flins}",
        good="    sessions:\n      - {start: 2027-03-01, site: flins}\n      - {start: 2027-09-06, site: flins}",
    ),
    "PF213": Explanation(
        en="Two sessions of the same course at the same site share at least one day (a session "
        "occupies its days from `start` to `end`, both included). Two groups at once is possible, "
        "hence only an info; a session copied and not edited is more likely. Online sessions, "
        "and sessions that have ended (PF211), are not compared. Each pair is reported once, at the session written second.",
        fr="Deux sessions de la même formation sur le même site ont au moins un jour en commun "
        "(une session occupe ses jours de `start` à `end`, tous deux inclus). Deux groupes en "
        "même temps, c'est possible, d'où une simple information ; une session copiée puis "
        "oubliée est plus probable. Les sessions à distance, et celles qui sont terminées (PF211), "
        "ne sont pas comparées. Chaque paire "
        "est signalée une fois, sur la session écrite en second.",
        bad="    sessions:\n      - {start: 2027-01-11, end: 2027-01-15, site: douai}\n      - {start: 2027-01-11, end: 2027-01-15, site: douai}",
        good="    sessions:\n      - {start: 2027-01-11, end: 2027-01-15, site: douai}\n      - {start: 2027-02-08, end: 2027-02-12, site: douai}",
    ),
    "PF214": Explanation(
        en="A level that a growing job requires, or that a course on the way to a growing job "
        "requires, is provided by nothing: no course grants the skill at that level or higher, and "
        "no declining or stable job (where people come from: whoever held one holds its required "
        "levels) requires it at that level or higher. A course is on the way when it grants, at "
        "the level needed, something a growing job or another course on the way requires. Unless "
        "the people moving in already hold it from elsewhere, the job is out of reach: add the "
        "course that teaches it. Reported once per skill and level (or per `requires_any` group, "
        "when none of its options is provided), at the first growing job that needs it, else at "
        "the first course, naming what needs it. It asks whether anything provides the level, "
        "wherever it is, not whether it can be reached (PF201, PF202).",
        fr="Un niveau qu'exige un métier en croissance, ou une formation sur le chemin d'un métier "
        "en croissance, n'est apporté par rien : aucune formation n'apporte la compétence à ce "
        "niveau ou plus, et aucun métier en déclin ou stable (ceux d'où l'on vient : qui en a "
        "exercé un détient ses niveaux requis) ne l'exige à ce niveau ou plus. Une formation est "
        "sur le chemin quand elle apporte, au niveau voulu, ce qu'exige un métier en croissance ou "
        "une autre formation sur le chemin. Sauf si les personnes en reconversion le détiennent "
        "déjà d'ailleurs, le métier est hors de portée : ajoutez la formation qui l'enseigne. "
        "Signalé une fois par compétence et niveau (ou par groupe `requires_any` dont aucune "
        "option n'est apportée), sur le premier métier en croissance qui en a besoin, sinon sur la "
        "première formation, en nommant ce qui en a besoin. La règle demande si quelque chose "
        "apporte le niveau, où que ce soit, et non s'il est accessible (PF201, PF202).",
        bad="jobs:\n  - {id: welder, outlook: declining, requires: {welding: 2}, ...}\n  - {id: pack-assembler, outlook: growing, requires: {welding: 2, torque-tooling: 2}, ...}\ncourses: []      # nothing teaches torque-tooling",
        good="jobs:\n  - {id: welder, outlook: declining, requires: {welding: 2}, ...}\n  - {id: pack-assembler, outlook: growing, requires: {welding: 2, torque-tooling: 2}, ...}\ncourses:\n  - {id: torque-basics, grants: {torque-tooling: 2}, ...}",
    ),
    # ---------------------------------------------------------------- PF3xx: style
    "PF301": Explanation(
        en="An unquoted `yes`, `no`, `on`, `off`, `y` or `n`. Pathfinder reads YAML 1.2, where these "
        "are text, but YAML 1.1 tools (PyYAML, many editors and CI scripts) read them as booleans: "
        "`name: no` becomes `False`. Quote them, or write `true`/`false` for a boolean.",
        fr="Un `yes`, `no`, `on`, `off`, `y` ou `n` sans guillemets. Pathfinder lit du YAML 1.2, où "
        "ce sont des textes, mais les outils YAML 1.1 (PyYAML, beaucoup d'éditeurs et de scripts "
        "d'intégration continue) les lisent comme des booléens : `name: no` devient `False`. Mettez-les "
        "entre guillemets, ou écrivez `true`/`false` pour un booléen.",
        bad='catalog: {name: ReKnow, version: "1", languages: [en, fr, no]}    # no: Norwegian',
        good='catalog: {name: ReKnow, version: "1", languages: [en, fr, "no"]}',
    ),
    "PF302": Explanation(
        en='A `requires_any` group with a single skill means "at least one of this one skill": it is '
        "a plain requirement. Move it to `requires`, where readers expect it; or add the alternatives "
        "the group was meant to offer.",
        fr="Un groupe `requires_any` d'une seule compétence signifie « au moins une parmi cette seule "
        "compétence » : c'est une exigence ordinaire. Placez-la sous `requires`, où le lecteur "
        "l'attend ; ou ajoutez les alternatives que le groupe devait offrir.",
        bad="    requires_any: [{welding: 2}]",
        good="    requires: {welding: 2}",
    ),
    "PF303": Explanation(
        en="A comment starting with `# pathfinder:` that is not a valid suppression, or that names a "
        "code no rule has (in a comment or in the catalog's `lint: ignore:` list). Suppressions must name their codes, `# pathfinder: ignore[PF201]` or "
        "`# pathfinder: ignore[PF201, PF207]`; a typo would otherwise suppress nothing, silently.",
        fr="Un commentaire commençant par `# pathfinder:` qui n'est pas une suppression valide, ou "
        "qui cite un code qu'aucune règle ne porte (dans un commentaire ou dans la liste `lint: ignore:` "
        "du catalogue). Une suppression doit nommer ses codes, "
        "`# pathfinder: ignore[PF201]` ou `# pathfinder: ignore[PF201, PF207]` ; sinon une faute de "
        "frappe ne supprimerait rien, sans le dire.",
        bad="  - id: hv-b2l-2   # pathfinder: ignore PF207",
        good="  - id: hv-b2l-2   # pathfinder: ignore[PF207]",
    ),
    "PF304": Explanation(
        en="A text or a key holds a control character (ESC, carriage return, line feed, NUL, any "
        "C0 or C1 control but the tab), a bidirectional mark, embedding, override or isolate (such as U+202E, "
        "right-to-left override), or a line or paragraph separator, usually written as a YAML escape "
        '(`"\\e"`, `"\\u202e"`) or carried in by a block scalar. Such characters show a reader '
        "something else than the catalog holds: an override reverses the rest of a name, an escape "
        "sequence redraws the terminal, a line break forges a new line in a CI log. Pathfinder's "
        "outputs show them as visible escapes (`\\u202e`), but the name is wrong either way: remove "
        "them. It is an error because it can hide content.",
        fr="Un texte ou une clé contient un caractère de contrôle (ESC, retour chariot, saut de ligne, "
        "NUL, tout contrôle C0 ou C1 sauf la tabulation), une marque, un enchâssement, un forçage ou un "
        "isolement de direction d'écriture (comme U+202E, forçage de droite à gauche), ou un "
        "séparateur de ligne ou de paragraphe, le plus souvent écrit comme un échappement YAML "
        '(`"\\e"`, `"\\u202e"`) ou apporté par un bloc de texte. Ces caractères montrent au lecteur '
        "autre chose que ce que contient le catalogue : un forçage inverse la suite d'un nom, une "
        "séquence d'échappement redessine le terminal, un saut de ligne fabrique une fausse ligne dans "
        "un journal d'intégration continue. Les sorties de Pathfinder les affichent comme des "
        "échappements visibles (`\\u202e`), mais le nom est faux de toute façon : supprimez-les. "
        "C'est une erreur, car cela peut masquer du contenu.",
        bad='  - {id: welding, name: {en: "Welding \\u202e3 level", fr: Soudage}, category: metal}',
        good='  - {id: welding, name: {en: "Welding level 3", fr: Soudage}, category: metal}',
    ),
}
