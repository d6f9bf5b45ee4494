import { render, type TemplateResult } from 'lit';

/**
 * A story's widget made from its args, so the Controls panel (its rows come from the custom-elements
 * manifest) changes the element live. An arg named like one of the element's attributes is set as that
 * attribute — a string or number as its text, `true` as present; `false`, `''` or none leave it out. An
 * arg named like one of its public reactive properties (`volunteerKey`) is set as the property. Other
 * args (events, slots, parts, custom properties) are Storybook's. `content` becomes the element's light
 * DOM: slotted headings, links.
 */
export function element(tag: string, args: Record<string, unknown>, content?: TemplateResult): HTMLElement {
  const node = document.createElement(tag);
  const { attributes, properties } = membersOf(tag);
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    if (attributes.has(name)) {
      if (value !== false && value !== '') node.setAttribute(name, value === true ? '' : String(value));
    } else if (properties.has(name)) {
      (node as unknown as Record<string, unknown>)[name] = value;
    }
  }
  if (content) render(content, node);
  return node;
}

/** The render function of a widget's stories: `render: renderElement('ds-service-hours')`. */
export const renderElement = (tag: string) => (args: Record<string, unknown>) => element(tag, args);

type LitElementClass = CustomElementConstructor & {
  observedAttributes?: string[];
  elementProperties?: Map<PropertyKey, { state?: boolean; attribute?: unknown }>;
};

const members = new Map<string, { attributes: Set<string>; properties: Set<string> }>();
function membersOf(tag: string) {
  let found = members.get(tag);
  if (!found) {
    const constructor = customElements.get(tag) as LitElementClass | undefined;
    if (!constructor) throw new Error(`<${tag}> is not defined (stories import every widget in .storybook/preview.ts)`);
    const properties = [...(constructor.elementProperties ?? [])]
      .filter(([name, options]) => typeof name === 'string' && !options.state)
      .map(([name]) => name as string);
    members.set(tag, (found = { attributes: new Set(constructor.observedAttributes), properties: new Set(properties) }));
  }
  return found;
}
