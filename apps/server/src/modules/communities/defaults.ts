/** The five priority areas and their communities that a fresh platform starts with. */
export const DEFAULT_AREAS = [
  {
    slug: 'school-education',
    name: 'School education',
    description: 'Early childhood, primary and secondary education: teaching, inclusion, school leadership.',
    community: {
      slug: 'school-education',
      name: 'School Education CoP',
      short: 'Teachers, school leaders and researchers sharing what works in classrooms across Europe.',
      description:
        'A community of practice for everyone who makes school education better: teachers, school leaders, teacher educators, researchers and policy makers.\n\n' +
        'We share the results of school projects, discuss common problems such as early school leaving, inclusion and digital teaching, and turn good practice into something others can reuse.',
    },
  },
  {
    slug: 'higher-education',
    name: 'Higher education',
    description:
      'Universities and colleges: teaching and learning, mobility, recognition, research-based education.',
    community: {
      slug: 'higher-education',
      name: 'Higher Education CoP',
      short:
        'Lecturers, learning designers and international officers improving teaching, mobility and recognition.',
      description:
        'A community of practice for higher education: lecturers, learning designers, international relations officers, students and researchers.\n\n' +
        'Bring your project results on micro-credentials, blended mobility, student-centred learning and recognition, and find partners for the next proposal.',
    },
  },
  {
    slug: 'vet',
    name: 'Vocational education and training',
    description:
      'Initial and continuing VET, work-based learning, apprenticeships, centres of vocational excellence.',
    community: {
      slug: 'vocational-education-and-training',
      name: 'VET CoP',
      short:
        'Trainers, companies and VET providers working on apprenticeships, work-based learning and skills.',
      description:
        'A community of practice for vocational education and training: VET teachers and trainers, in-company tutors, providers, chambers and social partners.\n\n' +
        'We exchange practice on work-based learning, apprenticeships, green and digital skills, and the quality of VET.',
    },
  },
  {
    slug: 'adult-learning',
    name: 'Adult learning',
    description:
      'Adult education, basic skills, upskilling pathways, community learning, validation of non-formal learning.',
    community: {
      slug: 'adult-learning',
      name: 'Adult Learning CoP',
      short: 'Adult educators, guidance counsellors and learners reaching adults who need learning most.',
      description:
        'A community of practice for adult learning: adult educators, guidance counsellors, validation practitioners, learners and policy makers.\n\n' +
        'How do we reach adults with low basic skills? What works for outreach, guidance and validation? Share your experience and your project results.',
    },
  },
  {
    slug: 'transversal',
    name: 'Transversal',
    description:
      'Policy cooperation, languages, digital learning, and themes across all sectors of lifelong learning.',
    community: {
      slug: 'transversal-policy-languages-digital',
      name: 'Transversal CoP: policy, languages and digital learning',
      short: 'Cross-sector exchange on policy cooperation, language learning and digital education.',
      description:
        'A community of practice across the sectors of lifelong learning: policy cooperation, languages, digital learning and other transversal themes.\n\n' +
        'Here school, higher education, VET and adult learning meet: bring a question that crosses boundaries.',
    },
  },
] as const;
