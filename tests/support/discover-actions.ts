// What the Discover browser tests do, for any engine (Chromium through Playwright, Firefox through
// puppeteer): find fields, links, buttons and lists by role and accessible name as a person reads
// them, in the page itself, and wait for what the page shows.
import { waitUntil } from './app-actions.ts';
import type { AppTab } from './engine.ts';

/** Runs in the page: the accessible name of `element` (aria-labelledby, aria-label, label, text). */
function nameScript(): string {
  return `(element) => {
    const byIds = element.getAttribute('aria-labelledby');
    if (byIds) return byIds.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    if (element.labels && element.labels[0]) return element.labels[0].textContent.trim();
    return (element.textContent ?? '').replace(/\\s+/g, ' ').trim();
  }`;
}

/** Selectors for the roles the tests use. */
const ROLES: Record<string, string> = {
  link: 'a[href]',
  button: 'button',
  textbox: 'input[type=search], input[type=text], input[type=url], input:not([type])',
  combobox: 'select',
  heading: 'h1, h2, h3',
  list: 'ul, ol',
  listitem: 'li',
};

export interface Query {
  role: keyof typeof ROLES;
  /** Exact name, or a pattern (as a string for the page: "/…/flags"). */
  name: string | RegExp;
  /** Look only inside the list with this name. */
  inList?: string;
}

function serialise(query: Query) {
  return {
    selector: ROLES[query.role]!,
    name: typeof query.name === 'string' ? query.name : undefined,
    pattern:
      query.name instanceof RegExp ? ([query.name.source, query.name.flags] as const) : undefined,
    inList: query.inList,
    nameOf: nameScript(),
  };
}

/** Runs in the page: every element matching the serialised query. */
function findAll(query: ReturnType<typeof serialise>): Element[] {
  const nameOf = (0, eval)(query.nameOf) as (element: Element) => string;
  const scopes = query.inList
    ? [...document.querySelectorAll('ul, ol')].filter((list) => nameOf(list) === query.inList)
    : [document];
  const matches = (name: string) =>
    query.pattern ? new RegExp(query.pattern[0], query.pattern[1]).test(name) : name === query.name;
  return scopes.flatMap((scope) =>
    [...scope.querySelectorAll(query.selector)].filter((element) => matches(nameOf(element))),
  );
}

/** How many elements match now. */
export function count(tab: AppTab, query: Query): Promise<number> {
  return tab.evaluate(
    ({ query, find }) => ((0, eval)(find) as (q: unknown) => Element[])(query).length,
    { query: serialise(query), find: `(${findAll.toString()})` },
  );
}

/** Waits until at least one element matches `query`. */
async function waitForElement(tab: AppTab, query: Query): Promise<void> {
  await waitUntil(
    () => count(tab, query),
    (found) => found > 0,
    15_000,
    describe(query),
  );
}

/** Waits for the element and clicks it. */
export async function click(tab: AppTab, query: Query): Promise<void> {
  await waitForElement(tab, query);
  await tab.evaluate(
    ({ query, find }) =>
      (((0, eval)(find) as (q: unknown) => HTMLElement[])(query)[0] as HTMLElement).click(),
    { query: serialise(query), find: `(${findAll.toString()})` },
  );
}

/** Types into a field as a person would (React sees an input event). */
export async function type(tab: AppTab, label: string, text: string): Promise<void> {
  const query: Query = { role: 'textbox', name: label };
  await waitForElement(tab, query);
  await tab.evaluate(
    ({ query, find, text }) => {
      const input = ((0, eval)(find) as (q: unknown) => HTMLInputElement[])(query)[0]!;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      input.focus();
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { query: serialise(query), find: `(${findAll.toString()})`, text },
  );
}

/** Chooses an option (by its text) in a select. */
export async function choose(tab: AppTab, label: string, option: string): Promise<void> {
  const query: Query = { role: 'combobox', name: label };
  await waitForElement(tab, query);
  await tab.evaluate(
    ({ query, find, option }) => {
      const select = ((0, eval)(find) as (q: unknown) => HTMLSelectElement[])(query)[0]!;
      const value = [...select.options].find((o) => o.textContent === option)?.value;
      if (value === undefined) throw new Error(`No option ${option}`);
      const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
      setter.call(select, value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { query: serialise(query), find: `(${findAll.toString()})`, option },
  );
}

/** The names of the links in the list named `list`, in order. */
export function linkNames(tab: AppTab, list: string): Promise<string[]> {
  return tab.evaluate(
    ({ list, nameOf }) => {
      const name = (0, eval)(nameOf) as (element: Element) => string;
      const found = [...document.querySelectorAll('ul, ol')].find((l) => name(l) === list);
      return [...(found?.querySelectorAll('a[href]') ?? [])].map(name);
    },
    { list, nameOf: nameScript() },
  );
}

/** Waits until the list named `list` shows exactly these link names. */
export function waitForLinks(tab: AppTab, list: string, names: string[]): Promise<string[]> {
  return waitUntil(
    () => linkNames(tab, list),
    (found) => JSON.stringify(found) === JSON.stringify(names),
    15_000,
    `${list}: ${names.join(', ')}`,
  );
}

/** Waits until the main content's text matches `pattern`; returns that text. */
export function waitForText(tab: AppTab, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return waitUntil(
    () => tab.evaluate(() => document.querySelector('main')?.textContent ?? '', undefined),
    (text) => pattern.test(text),
    timeoutMs,
    String(pattern),
  );
}

/** Waits until the page's h1 reads `name` (pages load when first opened). */
export function waitForHeading(tab: AppTab, name: string): Promise<string> {
  return waitUntil(
    () => tab.evaluate(() => document.querySelector('h1')?.textContent ?? '', undefined),
    (text) => text === name,
    15_000,
    `the heading ${name}`,
  );
}

/** The accessible description (aria-describedby) of the link named `name` in `list`. */
export function linkDescription(tab: AppTab, list: string, name: string): Promise<string> {
  return tab.evaluate(
    ({ list, name, nameOf }) => {
      const nameFn = (0, eval)(nameOf) as (element: Element) => string;
      const found = [...document.querySelectorAll('ul, ol')].find((l) => nameFn(l) === list);
      const link = [...(found?.querySelectorAll('a[href]') ?? [])].find((a) => nameFn(a) === name);
      const ids = link?.getAttribute('aria-describedby') ?? '';
      return ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    },
    { list, name, nameOf: nameScript() },
  );
}

function describe(query: Query): string {
  return `${query.role} "${String(query.name)}"${query.inList ? ` in ${query.inList}` : ''}`;
}
