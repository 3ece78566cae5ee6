// Types of `tomtat/widget`: importing it defines the `<tom-tat>` custom element.

import type { Digest } from './pkg/tomtat.js';

/** `<tom-tat for="css selector" length="short|medium|long" open>`: the article digest panel. */
export interface TomTatElement extends HTMLElement {
  /** The digested article, or null before the digest is ready. */
  readonly result: { text: string; digest: Digest } | null;
  /** Whether the panel is open. */
  readonly expanded: boolean;
  /** Opens or closes the panel; opening starts the digest. */
  toggle(force?: boolean): void;
  /** Highlights sentence `index` of the digest in the page's article; the Ranges drawn. */
  highlight(index: number): Range[];
}

declare global {
  interface HTMLElementTagNameMap {
    'tom-tat': TomTatElement;
  }
  interface HTMLElementEventMap {
    'tomtat-digest': CustomEvent<{ text: string; digest: Digest }>;
  }
}
