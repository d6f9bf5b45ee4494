/**
 * The benchmark's yardstick: the request form's fields written the plainest way in Lit — one element,
 * `fetch` + `JSON.parse` with no validation, no provider, no context, no localization, no drafts, no
 * outbox, no theming beyond a few rules. `scripts/bench.mjs` compares <ds-request-form> against it, so
 * the ratio shows what Doorstep's layers cost on top of Lit itself.
 */
import { LitElement, css, html, nothing } from 'lit';

interface Area {
  id: string;
  level: string;
  name: string;
  children: Area[];
}
interface Category {
  id: string;
  name: { 'zh-CN': string };
}

const byLevel = (nodes: Area[], level: string): Area[] =>
  nodes.flatMap((node) => (node.level === level ? [node] : byLevel(node.children, level)));

export class BaselineForm extends LitElement {
  static override properties = {
    apiBase: { attribute: 'api-base' },
    state: { reflect: true },
    categories: { state: true },
    communities: { state: true },
    community: { state: true },
    compound: { state: true },
  };

  static override styles = css`
    :host { display: block; max-width: 42rem; font: 16px/1.6 system-ui, sans-serif; }
    .card { border: 1px solid #d5dbe3; border-top: 4px solid #1a56b0; border-radius: 12px; padding: 24px; }
    form { display: grid; gap: 24px; }
    .field { display: grid; gap: 4px; }
    label { font-weight: 600; }
    select, input, textarea { min-height: 44px; font: inherit; padding: 8px; border: 1px solid #6b7584; border-radius: 6px; }
    button { min-height: 44px; font: inherit; background: #1a56b0; color: #fff; border: 0; border-radius: 6px; padding: 0 24px; }
  `;

  declare apiBase: string;
  declare state: string;
  declare categories: Category[];
  declare communities: Area[];
  declare community: Area | undefined;
  declare compound: Area | undefined;

  constructor() {
    super();
    this.state = 'loading';
    this.categories = [];
    this.communities = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const base = this.apiBase.replace(/\/+$/, '');
    const [categories, areas] = await Promise.all([
      fetch(`${base}/v1/categories`).then((response) => response.json()),
      fetch(`${base}/v1/areas`).then((response) => response.json()),
    ]);
    this.categories = categories.categories;
    this.communities = byLevel(areas.areas, 'community');
    this.state = 'ready';
  }

  private select(label: string, id: string, options: Array<{ id: string; name: string }>, onChange?: (id: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(event: Event) => onChange?.((event.target as HTMLSelectElement).value)}>
        <option value="">请选择</option>
        ${options.map((option) => html`<option value=${option.id}>${option.name}</option>`)}
      </select>
    </div>`;
  }

  protected override render() {
    if (this.state !== 'ready') return html`<div class="card"><p>正在加载…</p></div>`;
    const compounds = this.community ? byLevel(this.community.children, 'compound') : [];
    const buildings = this.compound ? byLevel(this.compound.children, 'building') : [];
    return html`<div class="card">
      <h2>反映问题</h2>
      <form @submit=${(event: Event) => event.preventDefault()}>
        ${this.select('问题类型', 'category', this.categories.map((category) => ({ id: category.id, name: category.name['zh-CN'] })))}
        ${this.select('社区', 'community', this.communities, (id) => (this.community = this.communities.find((area) => area.id === id)))}
        ${this.select('小区（选填）', 'compound', compounds, (id) => (this.compound = compounds.find((area) => area.id === id)))}
        ${buildings.length ? this.select('楼栋（选填）', 'building', buildings) : nothing}
        <div class="field"><label for="description">问题描述</label><textarea id="description" rows="5" maxlength="500"></textarea></div>
        <div class="field"><label for="name">您的称呼（选填）</label><input id="name" autocomplete="name" /></div>
        <div class="field"><label for="phone">联系电话（选填）</label><input id="phone" type="tel" autocomplete="tel" /></div>
        <div class="field"><label><input id="consent" type="checkbox" /> 同意社区工作人员使用以上信息处理此问题</label></div>
        <button type="submit">提交</button>
      </form>
    </div>`;
  }
}

customElements.define('baseline-form', BaselineForm);
