// Word lists for synthetic articles: news-like enough that Markdown, facts and templates do realistic work.
// Prose is written in words only, so `npm run check` finds no numerals typed outside facts.

export const SECTIONS = ['World', 'Politics', 'Defense', 'Economy', 'Diplomacy', 'Society', 'Technology', 'Energy'];

/** The tag pool; earlier tags are used more often, as a newsroom's running stories are. */
export const TAGS = [
  'North Korea',
  'South Korea',
  'Russia',
  'China',
  'Ukraine war',
  'United States',
  'Japan',
  'Missiles',
  'Sanctions',
  'Trade',
  'Nuclear programme',
  'Alliances',
  'Military exercises',
  'Semiconductors',
  'Elections',
  'National Assembly',
  'Human rights',
  'Defectors',
  'Energy',
  'Shipbuilding',
  'Labour',
  'Housing',
  'Demographics',
  'Cyber',
  'Space',
  'Food security',
  'Climate',
  'Tourism',
  'Culture',
  'Public health',
];

export interface SourceSpec {
  id: string;
  name: string;
  type: string;
  url?: string;
}

export const SOURCES: SourceSpec[] = [
  { id: 'south-korean-intelligence', name: 'South Korean intelligence', type: 'intelligence service' },
  { id: 'unification-ministry', name: 'The Unification Ministry', type: 'government', url: 'https://www.unikorea.go.kr/eng_unikorea/' },
  { id: 'joint-chiefs-of-staff', name: 'The Joint Chiefs of Staff', type: 'military' },
  { id: 'defense-ministry', name: 'The Defense Ministry', type: 'government' },
  { id: 'bank-of-korea', name: 'The Bank of Korea', type: 'central bank', url: 'https://www.bok.or.kr/eng/main/main.do' },
  { id: 'statistics-korea', name: 'Statistics Korea', type: 'statistics office' },
  { id: 'customs-service', name: 'The Korea Customs Service', type: 'government' },
  { id: 'north-korean-state-media', name: 'North Korean state media', type: 'state media' },
  { id: 'japanese-defense-ministry', name: 'The Japanese Defense Ministry', type: 'foreign government' },
  { id: 'un-panel', name: 'A United Nations panel of experts', type: 'international organisation' },
  { id: 'south-korean-legislator', name: 'A South Korean legislator', type: 'lawmaker (unnamed in the text)' },
  { id: 'industry-association', name: 'An industry association', type: 'trade body' },
  { id: 'unification-institute', name: 'The Korea Institute for National Unification', type: 'think tank' },
  { id: 'world-food-programme', name: 'The World Food Programme', type: 'international organisation' },
  { id: 'disease-agency', name: 'The Korea Disease Control and Prevention Agency', type: 'government' },
  { id: 'unattributed-reports', name: 'Reports the article does not attribute', type: 'unattributed' },
];

export const ACTORS = [
  { id: 'park-min-ji', name: 'Park Min-ji', role: 'Unification minister' },
  { id: 'lee-sung-ho', name: 'Lee Sung-ho', role: 'Defense ministry spokesperson' },
  { id: 'choi-hae-won', name: 'Choi Hae-won', role: 'Opposition lawmaker' },
  { id: 'yoon-ji-woo', name: 'Yoon Ji-woo', role: 'Central bank governor' },
  { id: 'kang-dong-hyun', name: 'Kang Dong-hyun', role: 'Trade negotiator' },
  { id: 'han-seo-yeon', name: 'Han Seo-yeon', role: 'Analyst at a Seoul think tank' },
  { id: 'kim-tae-yang', name: 'Kim Tae-yang', role: 'Provincial governor' },
];

/** A countable thing an article reports; `phases` lets two or three figures add up to a derived total. */
export interface CountSpec {
  stem: string;
  label: string;
  noun: string;
  predicate: string;
  min: number;
  max: number;
}

export const COUNTS: CountSpec[] = [
  { stem: 'troops', label: 'Troops deployed to the front', noun: 'troops', predicate: 'had been sent to the front', min: 500, max: 20000 },
  {
    stem: 'shells',
    label: 'Artillery shells supplied',
    noun: 'artillery shells',
    predicate: 'were shipped by rail',
    min: 10000,
    max: 4000000,
  },
  { stem: 'missiles', label: 'Missiles launched', noun: 'missiles', predicate: 'were launched toward the sea', min: 2, max: 30 },
  { stem: 'households', label: 'Households affected', noun: 'households', predicate: 'were affected', min: 100, max: 50000 },
  { stem: 'workers', label: 'Workers sent abroad', noun: 'workers', predicate: 'were sent abroad', min: 200, max: 30000 },
  { stem: 'vessels', label: 'Vessels inspected', noun: 'vessels', predicate: 'were inspected at sea', min: 5, max: 400 },
  { stem: 'defectors', label: 'Defectors arriving in the South', noun: 'defectors', predicate: 'reached the South', min: 20, max: 2000 },
  {
    stem: 'companies',
    label: 'Companies covered by the rules',
    noun: 'companies',
    predicate: 'fall under the new rules',
    min: 10,
    max: 3000,
  },
  { stem: 'jobs', label: 'Jobs at risk', noun: 'jobs', predicate: 'are at risk', min: 100, max: 90000 },
  { stem: 'visitors', label: 'Visitors recorded', noun: 'visitors', predicate: 'were recorded', min: 1000, max: 900000 },
  { stem: 'rice', label: 'Rice delivered, in tons', noun: 'tons of rice', predicate: 'were delivered', min: 500, max: 200000 },
  { stem: 'patients', label: 'Patients treated', noun: 'patients', predicate: 'were treated in field clinics', min: 50, max: 40000 },
];

export const PHASES = ['first phase', 'second phase', 'third phase'];

/** A measured span that prose prints as a compound modifier: "the three-year programme". */
export interface MeasureSpec {
  stem: string;
  label: string;
  unit: { one: string; other: string };
  /** The noun the compound modifies. */
  noun: string;
  min: number;
  max: number;
}

export const MEASURES: MeasureSpec[] = [
  { stem: 'programme-length', label: 'Length of the programme', unit: { one: 'year', other: 'years' }, noun: 'programme', min: 1, max: 12 },
  { stem: 'delay', label: 'Delay to the project', unit: { one: 'month', other: 'months' }, noun: 'delay', min: 1, max: 18 },
  {
    stem: 'missile-range',
    label: 'Range of the missile',
    unit: { one: 'kilometer', other: 'kilometers' },
    noun: 'flight',
    min: 100,
    max: 5000,
  },
  {
    stem: 'exercise-length',
    label: 'Length of the joint exercise',
    unit: { one: 'day', other: 'days' },
    noun: 'exercise',
    min: 3,
    max: 20,
  },
  { stem: 'sentence', label: 'Prison sentence handed down', unit: { one: 'year', other: 'years' }, noun: 'sentence', min: 1, max: 15 },
  {
    stem: 'rail-link',
    label: 'Length of the new rail link',
    unit: { one: 'kilometer', other: 'kilometers' },
    noun: 'rail link',
    min: 20,
    max: 600,
  },
  {
    stem: 'lead-time',
    label: 'Lead time before the deployment',
    unit: { one: 'week', other: 'weeks' },
    noun: 'lead time',
    min: 2,
    max: 10,
  },
];

export const QUALIFIERS = ['around', 'about', 'roughly', 'nearly'];

export const PLACES = [
  'Seoul',
  'Pyongyang',
  'Busan',
  'Incheon',
  'Kaesong',
  'Wonsan',
  'Gyeonggi Province',
  'Jeju',
  'Ulsan',
  'Daejeon',
  'Sinuiju',
  'Rason',
  'Tokyo',
  'Beijing',
  'Washington',
  'Moscow',
  'Vladivostok',
  'the border region',
  'Kursk',
];

export const SUBJECTS = [
  'Officials',
  'Analysts',
  'Lawmakers',
  'Diplomats',
  'Residents',
  'Industry groups',
  'Military planners',
  'Economists',
  'Aid workers',
  'Local authorities',
  'Opposition lawmakers',
  'Government advisers',
  'Researchers',
  'Business leaders',
];

export const SAYS = ['said', 'noted', 'argued', 'warned', 'suggested', 'told reporters', 'acknowledged', 'cautioned'];

export const TOPICS = [
  'the supply of artillery shells',
  'new export controls',
  'the price of rice',
  'cross-border trade',
  'the joint drills',
  'the budget debate',
  'the labour shortage',
  'chip exports',
  'the shipbuilding order book',
  'coastal patrols',
  'the energy transition',
  'grain deliveries',
  'the sanctions regime',
  'housing costs',
  'the falling birth rate',
  'cyber intrusions',
  'the satellite launch',
  'air defences',
  'family reunions',
  'fishing rights',
  'troop rotations',
  'the rail link',
  'hospital capacity',
  'tourism revenue',
];

export const ADJECTIVES = [
  'cautious',
  'sharp',
  'modest',
  'steady',
  'uneven',
  'rapid',
  'gradual',
  'unexpected',
  'limited',
  'broad',
  'growing',
  'lasting',
];

export const TIMES = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'over the weekend',
  'this week',
  'last week',
  'earlier this month',
  'in recent days',
  'late on Sunday',
  'in a briefing',
];

export const CONNECTORS = [
  'Meanwhile,',
  'At the same time,',
  'Still,',
  'In contrast,',
  'For now,',
  'Even so,',
  'Separately,',
  'Earlier,',
  'Privately,',
  'Publicly,',
];

/** Sentences without figures; `{slot}` placeholders are filled per use. */
export const FILLERS = [
  '{Subject} in {place} {say} {time} that {topic} remained a {adj} concern.',
  '{Connector} {topic} drew {adj} attention from {subject} in {place}.',
  'The debate over {topic} has shaped policy in {place} for much of the year.',
  '{Subject} {say} the pressure on {topic} was unlikely to ease soon.',
  'Few expect a quick resolution, and {subject} in {place} are preparing for a long period of {adj} change.',
  '{Connector} the government has promised a review of {topic}, though it has given no timetable.',
  'Critics say the response to {topic} has been {adj} and poorly explained.',
  '{Subject} {say} that {topic} and {topic2} are now closely linked.',
  'The issue is expected to come up again when ministers meet in {place}.',
  'Satellite imagery reviewed by {subject} suggests that activity around {place} has picked up {time}.',
  '{Connector} questions about {topic} have not gone away.',
  'People familiar with the talks describe the mood in {place} as {adj} but businesslike.',
  'In {place}, the reaction was {adj}, with {subject} pointing to {topic} as the main risk.',
  'Nothing in the statement addressed {topic} directly.',
  '{Subject} {say} {time} that the government would not comment on {topic}.',
  'None of these accounts has been independently verified.',
  'Neither side has published a full account of {topic}.',
  'The ministry said more details would follow once its review of {topic} was complete.',
  '{Connector} {subject} in {place} expect {topic} to dominate the coming session of the National Assembly.',
  'The change follows months of {adj} pressure over {topic} and {topic2}.',
  'A spokesperson declined to say when a decision on {topic} would be made.',
  '{Subject} {say} that the real test would come in {place}, where {topic} matters most.',
];

export const HEADINGS = [
  'What Officials Say',
  'A Familiar Pattern',
  'The Numbers Behind the Decision',
  'Reaction at Home',
  'What Comes Next',
  'Questions That Remain',
  'Pressure on the Budget',
  'A Regional Dimension',
  'Risks Ahead',
  'How We Got Here',
  'Signals From Pyongyang',
  'The View From Washington',
  'Counting the Cost',
  'An Uneasy Calm',
];

/** Singular subjects, so every verb agrees: "Seoul Weighs", "The Navy Delays". */
export const TITLE_SUBJECTS = [
  'Seoul',
  'Pyongyang',
  'Tokyo',
  'Beijing',
  'Washington',
  'Moscow',
  'Parliament',
  'The Regulator',
  'The Navy',
  'The Military',
  'The Ministry',
  'The Coast Guard',
  'The Central Bank',
  'The Trade Office',
];
export const TITLE_VERBS = [
  'Weighs',
  'Expands',
  'Pauses',
  'Questions',
  'Tightens',
  'Eases',
  'Prepares',
  'Rejects',
  'Backs',
  'Reviews',
  'Delays',
  'Confirms',
];
export const TITLE_OBJECTS = [
  'New Export Controls',
  'Border Patrols',
  'Rice Shipments',
  'Joint Drills',
  'Missile Tests',
  'Labour Rules',
  'Chip Subsidies',
  'Grain Deals',
  'Rail Link Plans',
  'Sanctions Relief',
  'Cyber Defences',
  'Housing Support',
  'Energy Imports',
  'Troop Rotations',
  'Satellite Launch',
  'Fishing Rights',
];
export const TITLE_ENDINGS = [
  '',
  '',
  ' as Talks Stall',
  ' Amid Rising Tensions',
  ' After a Record Year',
  ' Ahead of Summit',
  ' Near the Border',
];

export const EVENT_LABELS = [
  'Talks open in {place}',
  'The ministry announces a review of {topic}',
  'A joint exercise begins near {place}',
  'The National Assembly debates {topic}',
  'The first shipment arrives in {place}',
  'Officials confirm the figures on {topic}',
  'Envoys meet in {place} to discuss {topic}',
  'A court in {place} hands down its ruling',
  'State media reports a visit to {place}',
];

export const CLAIMS = [
  'The government says {topic} will not affect the wider economy.',
  'Officials in {place} insist {topic} is under control.',
  'State media describes {topic} as a great success.',
  'The ministry maintains that no decision on {topic} has been taken.',
];

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
