import { faker } from '@faker-js/faker';

/**
 * Phrase banks for the demo discussions: what members of lifelong-learning communities of practice
 * actually talk about. Placeholders in braces are filled with faker values, so threads differ while
 * staying on topic. Everything here is plain text or simple Markdown.
 */
interface Theme {
  titles: string[];
  /** Context sentences for an opening post. */
  context: string[];
  /** Questions that close an opening post. */
  questions: string[];
  /** Sentences a reply is made of. */
  replies: string[];
  /** Items for a bullet list. */
  items: string[];
}

const THEMES: Theme[] = [
  {
    titles: [
      'How do you reach adults with low basic skills who never come to a course?',
      'Outreach through libraries and community centres: what worked for you?',
      'Peer ambassadors for adult learning – experiences from {country}?',
      'Reaching older workers before their jobs change',
      'Why do adults drop out after the first session?',
      'Outreach in rural areas: mobile learning points in {city}',
    ],
    context: [
      'In {city} we have run basic skills courses for years, but the people who need them most rarely turn up.',
      'Our adult education centre tried leaflets, radio spots and social media, with very little effect.',
      'What made the difference for us was going where people already are: the market, the football club, the school gate.',
      'We trained {n} learning ambassadors, former learners who now talk to colleagues and neighbours.',
      'Employers were the surprising ally: short sessions during paid working time filled up in a week.',
      'Many adults we meet do not see themselves as "learners" at all, and the word "course" scares them off.',
      'The public employment service sends people to us, but attendance is low when it feels compulsory.',
    ],
    questions: [
      'How do you reach adults who have had bad experiences with school?',
      'Has anyone measured which outreach channel actually brings people in?',
      'What would you do differently if you started again?',
      'Do you pay ambassadors, or is it voluntary?',
    ],
    replies: [
      'We had the same problem until we moved the first meeting out of the school building.',
      'Word of mouth is still our best channel: about two thirds of new learners come through someone they know.',
      'In our region the trade unions run learning representatives in companies, and it works well for shift workers.',
      'Free childcare during sessions doubled attendance for single parents in our pilot.',
      'We stopped calling them courses and started calling them "workshops" or "cafés" – it sounds silly, but it helped.',
      'Short, practical first sessions matter: fill in a form online, use the bank app, read a payslip.',
      'Our ambassadors get a small expense allowance and a certificate, which they value more than the money.',
      'Guidance before the course is key: a one-to-one talk lowers the threshold a lot.',
    ],
    items: [
      'drop-in sessions at the library',
      'learning ambassadors in companies',
      'free childcare during sessions',
      'a first session without any test',
      'follow-up phone call after one week',
      'cooperation with the local employment office',
    ],
  },
  {
    titles: [
      'Micro-credentials: who recognises them in practice?',
      'Stacking micro-credentials into a full qualification – any working examples?',
      'Quality criteria for micro-credentials in {country}',
      'Digital credentials and wallets: is anyone issuing them already?',
      'Micro-credentials for upskilling {audience}',
    ],
    context: [
      'Our university started offering short courses with a micro-credential last year, with {n} ECTS each.',
      'Employers tell us they like the idea, but nobody in HR knows what to do with the certificate.',
      'The Council Recommendation on micro-credentials gives a good list of standard elements, but the details are left to us.',
      'We are testing European Digital Credentials so learners can keep their certificates in a wallet.',
      'In VET the question is how micro-credentials relate to the units of learning outcomes we already have.',
      'Learners want to know whether a micro-credential will count later towards a degree.',
    ],
    questions: [
      'Who here has a micro-credential that is actually recognised by employers?',
      'How do you describe learning outcomes so that another institution can recognise them?',
      'Do you charge fees for micro-credentials, and who pays?',
      'Is anybody stacking them into a larger qualification yet?',
    ],
    replies: [
      'We describe every micro-credential with the standard elements: learning outcomes, workload, assessment, quality assurance.',
      'Recognition only worked once we agreed on it with two partner universities in advance.',
      'The sector skills council in our country endorses some micro-credentials, which gives them weight with employers.',
      'We issue them as European Digital Credentials; the technical part was easier than expected.',
      'Stackability is the hard part: the rules for combining them into a degree took us a year to agree.',
      'Employers care less about the format and more about whether the content matches a real job task.',
      'Our learners are mostly working adults, so fees are often paid by the employer or an individual learning account.',
    ],
    items: [
      'learning outcomes in plain language',
      'workload in ECTS or hours',
      'form of assessment',
      'quality assurance of the provider',
      'stackability and recognition rules',
      'a digital, verifiable certificate',
    ],
  },
  {
    titles: [
      'Work-based learning in small companies: how do you keep tutors motivated?',
      'Apprenticeships for adults – does the model transfer?',
      'Training in-company tutors: our programme in {city}',
      'Quality of work placements: checklists that actually get used',
      'Work-based learning and the green transition',
    ],
    context: [
      'Small companies want apprentices but rarely have time to train the in-company tutors properly.',
      'We built a short tutor training of {n} hours, delivered partly online so that it fits around shifts.',
      'In our country apprenticeships are mostly for young people, and adults who change careers fall between the rules.',
      'The chamber of commerce checks placements once a year, which is far too little to spot problems early.',
      'Companies installing heat pumps and solar panels cannot find enough skilled people, and want to train them on the job.',
    ],
    questions: [
      'How do you keep small companies involved after the first year?',
      'Do tutors in your country get any recognition for the role?',
      'What does a good placement agreement look like?',
      'Has anyone adapted apprenticeships for adults successfully?',
    ],
    replies: [
      'A named contact at the school who visits every few weeks made the biggest difference for our companies.',
      'Tutors appreciated being part of a network: meeting other tutors twice a year kept them going.',
      'We give tutors a certificate and count the training towards their own professional development.',
      'Our placement agreement is two pages: tasks, learning outcomes, contact people, and what happens if it goes wrong.',
      'For adults we shortened the apprenticeship by validating prior experience first.',
      'Small companies are more willing if the paperwork is handled by the VET provider.',
      'The learning logbook helped the apprentice, the tutor and the teacher talk about the same things.',
    ],
    items: [
      'a named contact person at the VET school',
      'a short, practical tutor training',
      'a two-page placement agreement',
      'a shared learning logbook',
      'a network meeting for tutors twice a year',
    ],
  },
  {
    titles: [
      'Validation of non-formal and informal learning: from pilot to routine',
      'Skills audits for low-qualified adults – tools and experiences',
      'Validating volunteering experience: who does it well?',
      'Recognition of prior learning for refugees in {country}',
      'Validation arrangements: how long does a procedure take for you?',
    ],
    context: [
      'We have run validation pilots for years, but they never became a normal service of the adult education centre.',
      'Our skills audit combines a self-assessment, a conversation with a counsellor, and a short practical task.',
      'Many volunteers have strong organisational skills, but nothing on paper to show for them.',
      'Refugees often arrive with a lot of experience and no certificates at all.',
      'The four stages – identification, documentation, assessment and certification – look simple on paper.',
    ],
    questions: [
      'How long does a full validation procedure take in your country?',
      'Who pays for validation when the person is not unemployed?',
      'Which tools do you use for documenting skills?',
      'How do you train the assessors?',
    ],
    replies: [
      'A full procedure takes us about three months, most of it waiting for assessment dates.',
      'Identification and documentation are where most people stop; certification is only for a small share.',
      'We use a portfolio with photos and short videos of people at work, which works better than written reports.',
      'Assessors come from the sector and are trained in a two-day course plus supervised cases.',
      'The skills audit alone already helps: people see what they can do and pick a course more confidently.',
      'Funding is the bottleneck: validation is free for jobseekers in our region but not for employed people.',
      'Volunteering organisations in our network use a shared competence framework, which makes validation easier.',
    ],
    items: [
      'identification of skills with a counsellor',
      'documentation in a portfolio',
      'assessment by trained assessors from the sector',
      'certification or partial certification',
      'a guidance talk about next steps',
    ],
  },
  {
    titles: [
      'Digital skills for adults: DigComp in practice',
      'Teaching online safety to older learners',
      'Basic digital skills courses that people actually finish',
      'Using AI tools in adult education – where do we draw the line?',
      'Digital skills of VET teachers after the pandemic',
      'Self-assessment tools for digital competence – which one do you use?',
    ],
    context: [
      'We map all our digital skills courses to DigComp 2.2, which makes them easier to compare.',
      'Many older learners want to use online banking but are afraid of fraud.',
      'Our first course was too long: {n} evenings. The shorter version has a much better completion rate.',
      'Teachers ask us whether learners may use chatbots for homework, and we have no common answer yet.',
      'The self-assessment gave teachers a clear picture of their gaps, but nobody followed up.',
    ],
    questions: [
      'Which self-assessment tool do you use with learners?',
      'How do you deal with AI tools in assignments?',
      'What is the right length for a first digital skills course?',
      'Do you use DigComp levels on certificates?',
    ],
    replies: [
      'We use the DigComp self-assessment at the start and at the end; learners like seeing the difference.',
      'Online safety is the best entry point for older learners: everyone has had a suspicious text message.',
      'Three sessions of two hours, with a phone in hand, is what works for us.',
      'We allow AI tools but ask learners to explain in their own words what they did with them.',
      'Teachers needed time to practise, not more webinars. We gave them a paid afternoon per month.',
      'Libraries are great partners: they have the space, the devices and the trust of the public.',
      'We put the DigComp area and level on the certificate, and employers started asking about it.',
    ],
    items: [
      'information and data literacy',
      'communication and collaboration',
      'digital content creation',
      'safety: passwords, scams, privacy',
      'problem solving with digital tools',
    ],
  },
  {
    titles: [
      'Erasmus+ project results: how do you make them last after the project?',
      'Looking for partners: KA2 cooperation partnership on {theme}',
      'Our Erasmus+ project "{project}" – results and lessons learned',
      'Dissemination that goes beyond the final conference',
      'Small-scale partnerships: worth the effort for small organisations?',
      'Sharing project results on the Erasmus+ Project Results Platform',
    ],
    context: [
      'Our project "{project}" ended in {year} and produced a toolkit, a training course and a policy brief.',
      'We are a small adult education association in {city} and would like to join a cooperation partnership.',
      'Every project promises sustainability, but two years later the website is often offline.',
      'The final conference had {n} participants, mostly from the partner organisations themselves.',
      'We published all results under an open licence so that others can adapt them.',
    ],
    questions: [
      'Who is interested in joining as a partner for the next call?',
      'How do you keep results alive once the funding ends?',
      'What dissemination activity brought you real users?',
      'Would anyone like to test our toolkit with their learners?',
    ],
    replies: [
      'We would be interested as a partner: we work with low-qualified adults in a rural region.',
      'The only results that survived in our case were the ones built into a partner’s regular courses.',
      'A community like this one is a good place to keep results visible after the project.',
      'Translating the toolkit into the partners’ languages was worth every euro.',
      'We linked our results to the national qualifications framework, and that gave them a second life.',
      'Small-scale partnerships are a good start; the administrative load is manageable.',
      'Happy to test the toolkit with a group of learners in the spring.',
    ],
    items: [
      'a toolkit for trainers, openly licensed',
      'a short online course',
      'a policy brief for the regional government',
      'case studies from each partner country',
      'translations into all partner languages',
    ],
  },
  {
    titles: [
      'Lifelong guidance for adults: one-stop shops or networks?',
      'Career guidance for people in precarious jobs',
      'Individual learning accounts – first experiences',
      'Guidance counsellors and the labour market information they need',
    ],
    context: [
      'In {city} guidance is offered by at least five different services, and adults do not know where to start.',
      'We opened a one-stop shop together with the employment service and the adult education centre.',
      'Individual learning accounts give adults a budget, but most do not use it.',
      'Counsellors tell us they lack reliable information about skills in demand in the region.',
    ],
    questions: [
      'How do you make guidance visible to adults who are not unemployed?',
      'What have you learned about individual learning accounts so far?',
      'Which labour market information do your counsellors use?',
    ],
    replies: [
      'Guidance in the workplace, during working time, reaches people who would never visit a centre.',
      'The budget alone is not enough: people need guidance to decide what to spend it on.',
      'Our counsellors use a regional skills forecast updated every year; it is far from perfect but helps.',
      'Networks work if there is one coordinator and one shared phone number.',
      'We measure success by whether people take a next step within three months, not by the number of sessions.',
    ],
    items: [
      'one shared phone number and website',
      'guidance sessions in companies',
      'a regional skills forecast',
      'follow-up after three months',
    ],
  },
  {
    titles: [
      'Language learning for newly arrived adults: combining work and courses',
      'Inclusion of learners with disabilities in VET',
      'Early school leaving: what works in {country}?',
      'Second-chance education – success stories',
      'Intergenerational learning projects',
    ],
    context: [
      'Many newly arrived adults start working quickly and then have no time left for language courses.',
      'Our school runs a second-chance programme with {n} learners a year, most of them aged 18 to 25.',
      'Mentoring by older volunteers helped some of our learners more than any extra lesson.',
      'Reasonable accommodation in assessments is still handled case by case in our region.',
    ],
    questions: [
      'How do you combine language learning with work?',
      'What support has helped your learners stay in education?',
      'Who has experience with intergenerational mentoring?',
    ],
    replies: [
      'Job-related language courses in the workplace work much better than evening courses for our learners.',
      'A mentor who checks in every week kept more learners in the programme than anything else we tried.',
      'We adapted assessments with extra time and oral options; the results were the same quality.',
      'Intergenerational projects work when both sides learn something, not only the young people.',
      'Flexible start dates made a big difference: people could join when their life allowed it.',
    ],
    items: [
      'language learning at the workplace',
      'weekly mentoring',
      'flexible start dates',
      'adapted assessments',
    ],
  },
];

const GENERIC_SHORT = [
  'Thanks for sharing, this is really useful.',
  'Great question – following this thread.',
  'Same experience here in {country}.',
  'Could you share the slides or the report?',
  'Very interesting, thank you!',
  'This matches what we see in our centre.',
  'Thanks, I will pass this on to our trainers.',
  'Interesting – do you have any numbers on that?',
  'We tried something similar in {city}; happy to compare notes.',
  'Adding this to our reading list for the next team meeting.',
];

const GENERIC_CLOSERS = [
  'Happy to share our materials if anyone is interested.',
  'Looking forward to your thoughts.',
  'Any experience or advice is welcome!',
  'I can present this in one of the next webinars if there is interest.',
  'Feel free to contact me directly as well.',
];

const AUDIENCES = [
  'low-qualified adults',
  'older workers',
  'newly arrived migrants',
  'NEETs',
  'VET teachers',
  'adult educators',
  'in-company trainers',
];
const THEME_NAMES = [
  'micro-credentials',
  'validation of prior learning',
  'digital skills',
  'work-based learning',
  'outreach to adult learners',
  'green skills',
  'guidance for adults',
];
const CITIES = [
  'Porto',
  'Tampere',
  'Gdańsk',
  'Cork',
  'Bologna',
  'Ljubljana',
  'Utrecht',
  'Valencia',
  'Leipzig',
  'Tartu',
  'Lyon',
  'Thessaloniki',
  'Brno',
  'Graz',
  'Aarhus',
  'Kaunas',
];
const OPENERS = [
  'Interesting point.',
  'In our experience:',
  'Good question.',
  'We see it a bit differently.',
  'Short answer from our side:',
  'Agree with the previous posts.',
];
const PROJECT_WORDS = ['SKILLS', 'BRIDGE', 'LEARN', 'OPEN', 'REACH', 'DIGI', 'VALID', 'PATH', 'GROW', 'LINK'];

function fill(text: string): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => {
    switch (key) {
      case 'city':
        return faker.helpers.arrayElement(CITIES);
      case 'country':
        return faker.helpers.arrayElement([
          'Portugal',
          'Finland',
          'Poland',
          'Ireland',
          'Italy',
          'Slovenia',
          'the Netherlands',
          'Spain',
          'Germany',
          'Estonia',
          'France',
          'Greece',
        ]);
      case 'n':
        return String(faker.number.int({ min: 4, max: 120 }));
      case 'year':
        return String(faker.number.int({ min: 2019, max: 2026 }));
      case 'audience':
        return faker.helpers.arrayElement(AUDIENCES);
      case 'theme':
        return faker.helpers.arrayElement(THEME_NAMES);
      case 'project':
        return `${faker.helpers.arrayElement(PROJECT_WORDS)}${faker.helpers.arrayElement(['-UP', '4ALL', ' EU', '+', '2WORK'])}`;
      default:
        return m;
    }
  });
}

const pick = <T>(list: readonly T[]) => faker.helpers.arrayElement(list);
const some = <T>(list: readonly T[], min: number, max: number) =>
  faker.helpers.arrayElements(list, { min, max: Math.min(max, list.length) });

/** A theme index: every topic of a thread sticks to one theme. */
export const pickTheme = (): number => faker.number.int({ min: 0, max: THEMES.length - 1 });

export function topicTitle(theme: number): string {
  return fill(pick(THEMES[theme]!.titles)).slice(0, 200);
}

const link = () =>
  `[${pick(['our toolkit', 'the final report', 'the recording', 'the slides', 'this overview'])}](https://example.org/${faker.helpers.slugify(pick(THEME_NAMES))}/${faker.number.int({ min: 10, max: 999 })})`;

const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');

/** The opening post: context, sometimes a heading with a list or a link, then a question. */
export function openingBody(theme: number): string {
  const t = THEMES[theme]!;
  const parts = [some(t.context, 1, 3).map(fill).join(' ')];
  if (faker.datatype.boolean({ probability: 0.35 })) {
    parts.push(`### ${pick(['What we tried', 'Our approach', 'What we have so far', 'Key elements'])}`);
    parts.push(list(some(t.items, 2, 4)));
  }
  if (faker.datatype.boolean({ probability: 0.25 })) parts.push(`More details in ${link()}.`);
  const question = fill(pick(t.questions));
  parts.push(faker.datatype.boolean({ probability: 0.3 }) ? `**${question}**` : question);
  if (faker.datatype.boolean({ probability: 0.3 })) parts.push(pick(GENERIC_CLOSERS));
  return parts.join('\n\n');
}

/** First sentence of a post in plain text, for a quote. */
export function quotable(body: string): string {
  const plain = body
    .split('\n')
    .find((l) => l.trim() && !l.startsWith('#') && !l.startsWith('>') && !l.startsWith('-'))
    ?.replace(/[*_`[\]]|\(https?:[^)]*\)/g, '');
  const sentence = plain?.match(/^.*?[.?!](\s|$)/)?.[0] ?? plain ?? '';
  return sentence.trim().slice(0, 240);
}

/** A reply: short, medium or long, sometimes quoting the post it answers. */
export function replyBody(theme: number, quote: string | null): string {
  const t = THEMES[theme]!;
  const parts: string[] = [];
  if (quote) parts.push(`> ${quote}`);
  const size = faker.helpers.weightedArrayElement([
    { weight: 35, value: 'short' },
    { weight: 45, value: 'medium' },
    { weight: 20, value: 'long' },
  ]);
  if (size === 'short') {
    parts.push(fill(pick(GENERIC_SHORT)));
  } else if (size === 'medium') {
    const opener = faker.datatype.boolean({ probability: 0.3 }) ? [pick(OPENERS)] : [];
    parts.push([...opener, ...some(t.replies, 1, 2).map(fill)].join(' '));
  } else {
    const [first, second, ...rest] = some(t.replies, 3, 4).map(fill);
    parts.push(`${first} ${second}`);
    if (faker.datatype.boolean({ probability: 0.5 })) {
      parts.push(
        `${pick(['What helped us:', 'In short:', 'Our checklist:'])}\n\n${list(some(t.items, 2, 4))}`,
      );
    }
    parts.push(
      faker.datatype.boolean({ probability: 0.4 })
        ? `${rest.join(' ')} See ${link()} for the details.`
        : `${rest.join(' ')} ${pick(GENERIC_CLOSERS)}`,
    );
  }
  return parts.join('\n\n');
}

/** Tags of each theme (same order as THEMES): a topic carries one to three of them. */
const THEME_TAGS: string[][] = [
  ['outreach', 'basic skills', 'adult learners', 'motivation'],
  ['micro-credentials', 'recognition', 'quality assurance', 'employability'],
  ['work-based learning', 'apprenticeships', 'SMEs', 'in-company tutors'],
  ['validation', 'non-formal learning', 'recognition', 'guidance'],
  ['digital skills', 'DigComp', 'adult learners', 'online learning'],
  ['Erasmus+', 'sustainability', 'dissemination', 'project results'],
  ['guidance', 'career management', 'networks', 'adult learners'],
  ['language learning', 'migrants', 'integration', 'work-based learning'],
];

export function topicTags(theme: number): string[] {
  const tags = THEME_TAGS[theme % THEME_TAGS.length]!;
  return some(tags, 1, 3);
}

/** Polls members start in a topic: a question and its choices. */
const POLLS: { title: string; intro: string; question: string; options: string[]; multiple?: boolean }[] = [
  {
    title: 'Quick poll: face to face, online or blended?',
    intro:
      'We are planning next year’s courses and would like to know what works for your learners. Vote below and tell us **why** in a reply.',
    question: 'Which format works best for your learners?',
    options: ['Face to face', 'Fully online', 'Blended', 'Work-based'],
  },
  {
    title: 'Next online meeting: which day suits you?',
    intro:
      'Time to plan our next community call (one hour, on the usual video link). Pick the day that suits you; the most popular one wins.',
    question: 'When should we hold the next online meeting of the community?',
    options: ['Tuesday morning', 'Wednesday afternoon', 'Thursday evening'],
  },
  {
    title: 'Our work plan for next year: vote for the themes',
    intro:
      'The facilitators are drafting the work plan. Choose the themes you would contribute to; you may pick several.',
    question: 'Which themes should our community work on next year?',
    options: ['Digital skills', 'Green skills', 'Validation of prior learning', 'Guidance', 'Inclusion'],
    multiple: true,
  },
  {
    title: 'Finding project partners: how do you do it?',
    intro:
      'Several members asked how others find partners for Erasmus+ projects. A quick poll first, then share your tips below.',
    question: 'How do you mostly find partners for a new project?',
    options: ['Earlier projects', 'Contact seminars', 'This community', 'National agency events'],
  },
  {
    title: 'A shared template for reporting project results?',
    intro:
      'A few of us drafted a two-page template for reporting project results to the community. Would you use it?',
    question: 'Would you use a shared template for reporting project results?',
    options: ['Yes, gladly', 'Maybe, if it is short', 'No, we have our own'],
  },
];

export function pollFor(): {
  title: string;
  intro: string;
  question: string;
  options: string[];
  multiple: boolean;
} {
  const poll = pick(POLLS);
  return { ...poll, multiple: poll.multiple ?? false };
}
