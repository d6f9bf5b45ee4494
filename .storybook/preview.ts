import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createOutbox, type DoorstepClient } from '@doorstep/sdk';
// Registers <ds-provider> and every widget, from the TypeScript sources (the `doorstep-source` condition).
import '@doorstep/components/define/index.js';
import { THEMES } from '@doorstep/components';
import manifest from '../packages/components/custom-elements.json';
import { createFakeClient, type FakeApiOptions } from '../stories/support/fake-api.js';

// The docs tables (attributes, properties, events, slots, parts, CSS properties) come from the
// custom-elements manifest, the same source as docs/api-reference.md and the React wrappers.
setCustomElementsManifest(manifest);

// One client per story: switching theme or locale in the toolbar re-renders the provider, and a new
// client would make the widget load its lists again.
const clients = new Map<string, DoorstepClient>();
function clientFor(storyId: string, options: FakeApiOptions = {}): DoorstepClient {
  let client = clients.get(storyId);
  if (!client) {
    client = createFakeClient(options);
    clients.set(storyId, client);
  }
  return client;
}

/** Every story sits in a <ds-provider> with the toolbar's theme and locale and a fake API client. */
const withProvider: Decorator = (story, context) => {
  const { theme, locale } = context.globals as { theme?: string; locale?: string };
  // The canvas behind the widget follows the theme, as a portal's page would.
  const background = theme?.split(' ').includes('dark') ? THEMES.dark['color-background'] : '';
  if (typeof document !== 'undefined') document.body.style.background = background;
  // `parameters.fakeApi` says how the fake API behaves for a story (see stories/support/fake-api.ts).
  const client = clientFor(context.id, context.parameters.fakeApi as FakeApiOptions | undefined);
  return html`<ds-provider .client=${client} theme=${theme ?? 'default'} locale=${locale ?? 'zh-CN'}>${story()}</ds-provider>`;
};

/**
 * Controls for the manifest's rows (stories render with `element()` from stories/support/element.ts,
 * which sets the args that are attributes): a select for a union of string literals (`'month' | 'year' |
 * 'all'`), a toggle for `boolean`, a number field for `number`, text for other attributes. Properties,
 * events, slots, parts and custom properties stay in the table as documentation, without a control.
 * A story's own args (not in the manifest) keep what the story says.
 */
const manifestControls: NonNullable<Preview['argTypesEnhancers']>[number] = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === undefined) return [name, argType]; // a story's own setting, not the manifest's
      if (category !== 'attributes') return [name, { ...argType, control: false }];
      const type = String(argType.table?.type?.summary ?? '').replace(/\s*\|\s*undefined$/, '');
      const literals = type.split('|').map((part) => /^\s*'([^']*)'\s*$/.exec(part)?.[1]);
      if (literals.every((literal) => literal !== undefined)) return [name, { ...argType, control: { type: 'select' }, options: literals }];
      if (type === 'boolean') return [name, { ...argType, control: { type: 'boolean' } }];
      if (type === 'number') return [name, { ...argType, control: { type: 'number' } }];
      return [name, { ...argType, control: { type: 'text' } }];
    }),
  );

/**
 * Every story starts as a first visit: what a widget keeps in localStorage (drafts, a remembered volunteer
 * key) and in its outbox (IndexedDB `doorstep-outbox-<name>`: reports waiting to be sent) would otherwise
 * carry over from the story viewed before and change this one. A story that needs some of it (a restored
 * draft) sets it in its own `beforeEach`, which runs after this.
 */
async function forgetWhatWidgetsKept(): Promise<void> {
  for (const key of Object.keys(localStorage)) if (key.startsWith('doorstep:')) localStorage.removeItem(key);
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith(OUTBOX_DATABASE)) continue;
    const outbox = createOutbox({ name: name.slice(OUTBOX_DATABASE.length), send: async () => undefined });
    for (const entry of await outbox.entries()) await outbox.remove(entry.key);
  }
}
const OUTBOX_DATABASE = 'doorstep-outbox-';

const preview: Preview = {
  decorators: [withProvider],
  beforeEach: forgetWhatWidgetsKept,
  argTypesEnhancers: [manifestControls],
  globalTypes: {
    theme: {
      description: 'Doorstep theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'default', title: 'Default' },
          { value: 'dark', title: 'Dark' },
          { value: 'elder', title: 'Elder (长辈模式)' },
          { value: 'high-contrast', title: 'High contrast' },
          { value: 'elder dark', title: 'Elder + dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Widget language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '简体中文', right: 'zh-CN' },
          { value: 'zh-TW', title: '繁體中文', right: 'zh-TW' },
          { value: 'en', title: 'English', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'default', locale: 'zh-CN' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
