export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Strapi's default request headers, plus the Idempotency-Key a browser may send with a submission.
  {
    name: 'strapi::cors',
    config: { headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Idempotency-Key'] },
  },
  'strapi::poweredBy',
  'strapi::query',
  // Submissions are a few kB and trainings a few dozen; refuse anything much larger before it is parsed.
  { name: 'strapi::body', config: { jsonLimit: '256kb', formLimit: '256kb', textLimit: '256kb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
