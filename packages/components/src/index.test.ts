import { expect } from '@open-wc/testing';
import * as components from './index.js';

describe('@doorstep/components (main entry)', () => {
  it('exports the classes and helpers without defining any tag', () => {
    expect(components.DsRequestForm).to.be.a('function');
    expect(components.DsProvider).to.be.a('function');
    expect(components.define).to.be.a('function');
    expect(components.format(components.requestFormMessages, 'en', 'submit')).to.equal('Send report');
    expect(customElements.get('ds-request-form')).to.equal(undefined);
    expect(customElements.get('ds-provider')).to.equal(undefined);
  });
});
