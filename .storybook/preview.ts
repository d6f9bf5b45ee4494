import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DoorstepClient } from '@doorstep/sdk';
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

const preview: Preview = {
  decorators: [withProvider],
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
