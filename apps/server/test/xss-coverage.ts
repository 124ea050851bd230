import { API, type Endpoint } from '@discuss/contracts';
import { z } from 'zod';

/**
 * Every string a user can write through the API, and how xss.int.test.ts reads it back. The guard in
 * that suite derives the list of string fields from the body schemas of the `API` table and fails when
 * a field is neither here nor in EXEMPT, or when an entry here names a field that no longer exists.
 *
 * - text: plain text (React renders it as text). It must come back exactly as the contract normalises
 *   it (trimmed), or be refused with 400 `validation_failed`; it never reaches an `…Html` field raw.
 * - markdown: the source comes back exactly; the rendered HTML is parsed and must hold nothing executable.
 * - reference: names an existing object (id or slug); a hostile value gets a 4xx in the error shape.
 * - pattern: the contract's pattern admits no markup; checked at schema level against the whole corpus.
 */
export type FieldClass = 'text' | 'markdown' | 'reference' | 'pattern';

export interface Coverage {
  cls: FieldClass;
  /** The endpoints (and e-mails) that return the value, as the suite checks them. */
  read: string;
}

const text = (read: string): Coverage => ({ cls: 'text', read });
const markdown = (read: string): Coverage => ({ cls: 'markdown', read });
const reference = (read: string): Coverage => ({ cls: 'reference', read });
const pattern = (read: string): Coverage => ({ cls: 'pattern', read });

const PERSON = 'me.displayName; listMembers items[].user; getTopic author; adminListUsers; e-mail greetings';

/** endpoint.field → class and read-back. `x[]` is an element of array `x`; `a.b` a nested field. */
export const COVERAGE: Record<string, Coverage> = {
  // accounts
  'signUp.displayName': text('verification e-mail (HTML and text part)'),
  'signUp.email': pattern('z.email'),
  'resendVerification.email': pattern('z.email'),
  'signIn.email': pattern('z.email'),
  'forgotPassword.email': pattern('z.email'),
  'setup.displayName': text('setup response user.displayName; me.displayName'),
  'setup.email': pattern('z.email'),
  'updateMe.displayName': text(PERSON),
  'changeEmail.newEmail': pattern('z.email'),
  'createToken.name': text('createToken response token.name; listTokens items[].name'),
  'adminSuspendUser.reason': text('adminSuspendUser response; adminListUsers items[].suspendedReason'),
  // areas and communities
  'createArea.slug': pattern('slug pattern [a-z0-9-]'),
  'createArea.name': text('listAreas items[].name'),
  'createArea.description': text('listAreas items[].description'),
  'updateArea.name': text('listAreas items[].name; getCommunity area.name'),
  'updateArea.description': text('listAreas items[].description'),
  'createCommunity.slug': pattern('slug pattern [a-z0-9-]'),
  'createCommunity.name': text(
    'getCommunity / listCommunities name; invitation preview, myInvitations and e-mails; GET /c/:slug',
  ),
  'createCommunity.shortDescription': text('getCommunity / listCommunities shortDescription'),
  'createCommunity.description': markdown('getCommunity description + descriptionHtml'),
  'createCommunity.areaId': reference('4xx'),
  'createCommunity.languages[]': pattern('ISO 639 pattern [a-z]{2,3}'),
  'createCommunity.facilitatorIds[]': reference('4xx'),
  'createCommunity.coverImageId': reference('4xx'),
  'updateCommunity.name': text('updateCommunity response; getCommunity name'),
  'updateCommunity.shortDescription': text('updateCommunity response; getCommunity shortDescription'),
  'updateCommunity.description': markdown('getCommunity description + descriptionHtml'),
  'updateCommunity.areaId': reference('4xx'),
  'updateCommunity.languages[]': pattern('ISO 639 pattern [a-z]{2,3}'),
  'updateCommunity.coverImageId': reference('4xx'),
  'setStage.note': text('stageHistory items[].note'),
  // membership and invitations
  'requestMembership.motivation': text('requestMembership response; listRequests items[].motivation'),
  'approveRequest.note': text('listRequests decisionNote; request_approved e-mail'),
  'declineRequest.note': text('listRequests decisionNote; request_declined e-mail'),
  'createInvitations.message': text('previewInvitation message; myInvitations message; invitation e-mail'),
  'createInvitations.emails[]': pattern('z.email'),
  'createInvitations.userIds[]': reference('201 with skipped[].target as text, or 4xx'),
  'signUpWithInvitation.displayName': text('sign-up response user.displayName; me.displayName'),
  // working groups
  'createGroup.slug': pattern('slug pattern [a-z0-9-]'),
  'createGroup.name': text('createGroup response; getGroup name; listGroups items[].name'),
  'createGroup.description': text('getGroup / listGroups description'),
  'updateGroup.name': text('updateGroup response; getGroup name; listTopics items[].group.name'),
  'updateGroup.description': text('updateGroup response; getGroup description'),
  'addGroupMember.userId': reference('4xx'),
  // discussions
  'createTopic.title': text('createTopic response; listTopics items[].title'),
  'createTopic.body': markdown('getPostSource body; listPosts items[].bodyHtml'),
  'createTopic.group': reference('4xx'),
  'createTopic.tags[]': text('createTopic response; listTopics items[].tags; listTags items[].name'),
  'createTopic.poll.question': text('getTopic poll.question'),
  'createTopic.poll.options[]': text('getTopic poll.options[].label'),
  'createTopic.poll.closesAt': pattern('ISO 8601 date-time'),
  'updateTopic.title': text('updateTopic response; getTopic title'),
  'updateTopic.tags[]': text('updateTopic response; getTopic tags[].name; listTags'),
  'markSolution.postId': reference('4xx'),
  'createPost.body': markdown('getPostSource body; createPost response and listPosts bodyHtml'),
  'updatePost.body': markdown(
    'getPostSource body; updatePost response; listPosts; postRevisions items[].body',
  ),
  'votePoll.optionIds[]': reference('4xx'),
  'shareTopic.community': reference('4xx'),
  'previewMarkdown.body': markdown('previewMarkdown response html'),
};

/**
 * Entries listed ahead of the change that adds their field to the contracts (work in progress in the
 * same checkout), so that they are covered the moment it lands; until then the suite skips them.
 */
export const AHEAD_OF_CONTRACTS: ReadonlySet<string> = new Set(['createCommunity.coverImageId']);

/** String fields that are never shown as text anywhere, with the reason. */
export const EXEMPT: Record<string, string> = {
  'signUp.password': 'secret: hashed, never returned',
  'signIn.password': 'secret: compared with the hash, never returned',
  'setup.password': 'secret: hashed, never returned',
  'resetPassword.password': 'secret: hashed, never returned',
  'changePassword.currentPassword': 'secret: compared with the hash, never returned',
  'changePassword.newPassword': 'secret: hashed, never returned',
  'changeEmail.currentPassword': 'secret: compared with the hash, never returned',
  'signUpWithInvitation.password': 'secret: hashed, never returned',
  'verifyEmail.token': 'one-time token: looked up by its hash, never returned',
  'resetPassword.token': 'one-time token: looked up by its hash, never returned',
  'confirmEmailChange.token': 'one-time token: looked up by its hash, never returned',
  'suspendMember.reason': 'stored for the record; no response schema returns it (MemberSchema has no reason)',
};

/** Text that arrives outside a JSON body. */
export const OTHER_INPUTS: Record<string, Coverage> = {
  'createUpload multipart filename': text(
    'createUpload response name; Content-Disposition of GET /files/:id',
  ),
  'any URL path under /c/': text('GET /c/:slug serves index.html byte for byte (no server-side templating)'),
  'GET /api/stream': text('events carry ids and numbers only, never user text'),
};

/** The schema inside optional / nullable / default wrappers (a pipe is kept whole: it validates). */
function unwrap(schema: z.ZodType): z.ZodType {
  const inner = (schema._zod.def as { innerType?: z.ZodType }).innerType;
  return inner ? unwrap(inner) : schema;
}

/** The zod schema of one field path (`a.b`, `x[]`) of a body schema. */
export function fieldSchema(body: z.ZodType, field: string): z.ZodType {
  let s = unwrap(body);
  for (const part of field.split('.')) {
    const name = part.replace(/\[\]$/, '');
    s = unwrap((s as z.ZodObject).shape[name] as z.ZodType);
    if (part.endsWith('[]')) s = unwrap((s as z.ZodArray<z.ZodType>).element);
  }
  return s;
}

interface JsonNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonNode[];
  items?: JsonNode;
  properties?: Record<string, JsonNode>;
}

/** Paths of the free-form string fields of a JSON Schema (enums and constants are not free-form). */
function stringPaths(node: JsonNode, path: string): string[] {
  if (node.enum || node.const !== undefined) return [];
  if (node.anyOf) return [...new Set(node.anyOf.flatMap((n) => stringPaths(n, path)))];
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const out: string[] = [];
  if (types.includes('string')) out.push(path);
  if (types.includes('array') && node.items) out.push(...stringPaths(node.items, `${path}[]`));
  if (types.includes('object'))
    for (const [k, v] of Object.entries(node.properties ?? {}))
      out.push(...stringPaths(v, path ? `${path}.${k}` : k));
  return out;
}

/** `endpoint.field` for every free-form string field of every JSON body in the API table. */
export function writableStringFields(): string[] {
  return (Object.entries(API) as [string, Endpoint][]).flatMap(([name, ep]) =>
    ep.body
      ? stringPaths(z.toJSONSchema(ep.body, { io: 'input', unrepresentable: 'any' }) as JsonNode, '').map(
          (f) => `${name}.${f}`,
        )
      : [],
  );
}

let fields: ReadonlySet<string> | undefined;
/** Whether a table key names a field of the contracts as they are now. */
export const inContracts = (key: string): boolean => (fields ??= new Set(writableStringFields())).has(key);

/** The endpoint of a table key. */
export const endpointOf = (key: string): Endpoint =>
  (API as Record<string, Endpoint>)[key.slice(0, key.indexOf('.'))]!;
