/** How the Open311 GeoReport v2 facade (`/open311/v2`) is set up; see docs/open311.md. */
export interface Open311Config {
  /**
   * Keys that may create requests (`api_key` of `POST requests`), one per client app
   * (`DOORSTEP_OPEN311_API_KEYS`, comma-separated). None: every POST answers 403. Reads need no key.
   */
  apiKeys: string[];
  /**
   * This server's `jurisdiction_id` (`DOORSTEP_OPEN311_JURISDICTION`, e.g. `xingfuli.example.cn`). A request
   * naming another one is answered 404; one naming none is served, as the spec allows a server of a
   * single jurisdiction. Unset: any `jurisdiction_id` is accepted.
   */
  jurisdictionId?: string;
  /**
   * The area a new request is filed under when the client gives only `lat`/`long` or `address_string`
   * and no `address_id` (`DOORSTEP_OPEN311_DEFAULT_AREA`, e.g. the community `c-1`); staff then place it.
   * Unset: `address_id` is required.
   */
  defaultAreaId?: string;
  /** Who to ask about the API and its keys, shown in the discovery document (`DOORSTEP_OPEN311_CONTACT`). */
  contact?: string;
}

/** Shortest API key accepted: a key lets an app file requests in residents' names. */
export const MIN_API_KEY_LENGTH = 16;

type Env = Record<string, string | undefined>;

/**
 * Reads the Open311 settings. `fail(variable, message)` reports a value that cannot be used (the
 * server's `ConfigError`, passed in so this module does not import the config module that imports it).
 */
export function open311Config(env: Env, fail: (variable: string, message: string) => Error): Open311Config {
  const read = (name: string) => env[name]?.trim() || undefined;
  const keysRaw = read('DOORSTEP_OPEN311_API_KEYS');
  const apiKeys = keysRaw === undefined ? [] : keysRaw.split(',').map((key) => key.trim()).filter(Boolean);
  for (const [index, key] of apiKeys.entries()) {
    if (key.length < MIN_API_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
      throw fail('DOORSTEP_OPEN311_API_KEYS', `key ${index + 1} must be at least ${MIN_API_KEY_LENGTH} visible characters without spaces`);
    }
    if (apiKeys.indexOf(key) !== index) throw fail('DOORSTEP_OPEN311_API_KEYS', `key ${index + 1} is listed twice`);
  }
  const config: Open311Config = { apiKeys };
  const jurisdictionId = read('DOORSTEP_OPEN311_JURISDICTION');
  if (jurisdictionId !== undefined) {
    if (!/^[\w.-]{1,100}$/.test(jurisdictionId)) {
      throw fail('DOORSTEP_OPEN311_JURISDICTION', `"${jurisdictionId}" is not an id like xingfuli.example.cn`);
    }
    config.jurisdictionId = jurisdictionId;
  }
  const defaultAreaId = read('DOORSTEP_OPEN311_DEFAULT_AREA');
  if (defaultAreaId !== undefined) config.defaultAreaId = defaultAreaId;
  const contact = read('DOORSTEP_OPEN311_CONTACT');
  if (contact !== undefined) config.contact = contact;
  return config;
}
