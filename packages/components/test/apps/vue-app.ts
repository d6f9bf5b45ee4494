// A Vue 3 app using Doorstep as the docs show (docs/frameworks/vue.md): the tags registered from npm,
// Vue told that ds-* are custom elements, an attribute bound, and a Doorstep event handled.
import { createApp, ref } from 'vue';
import '@doorstep/components/define/request-form.js';
import type { DsErrorDetail } from '@doorstep/components';

const app = createApp({
  setup() {
    const phase = ref('');
    const onError = (event: CustomEvent<DsErrorDetail>) => {
      phase.value = event.detail.phase;
    };
    return { phase, onError, apiBase: '/api' };
  },
  template: `
    <ds-request-form :api-base="apiBase" lang="en" @ds-error="onError"></ds-request-form>
    <p id="phase">{{ phase }}</p>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('ds-');
app.mount('#app');
