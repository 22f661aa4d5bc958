import { removeNode, textContent, walkElements, type HtmlElement, type ParsedPage } from './tree.js';

/** A form with less text than this is a search box or sign-up prompt; some sites wrap the whole page in one. */
const MAX_FORM_TEXT_CHARS = 400;

/**
 * Removes what the slimming pass cannot judge from one tag: short forms (search boxes, sign-up
 * prompts). Mutates the tree.
 */
export function removeNonContent(page: ParsedPage): void {
  const forms: HtmlElement[] = [];
  walkElements(page.body, (el) => {
    if (el.tagName === 'form') {
      forms.push(el);
      return false;
    }
    return true;
  });
  for (const form of forms) if (textContent(form).length < MAX_FORM_TEXT_CHARS) removeNode(form);
}

/** Number of elements under the root. */
export function countElements(root: HtmlElement): number {
  let n = 0;
  walkElements(root, () => {
    n++;
  });
  return n;
}

