/**
 * Editors' Markdown (training bodies) → HTML that is safe to put in every
 * employee's page. Markdown alone can produce `javascript:` links and images
 * (`[x](javascript:…)`, `<javascript:…>`, `[1]: javascript:…`, entity-encoded
 * and tab-split spellings), so escaping raw HTML is not enough: the HTML tree
 * goes through rehype-sanitize with an allowlist of the elements Markdown makes
 * and of URL schemes — http, https, mailto, tel and relative URLs; anything else
 * loses its href/src. Raw HTML in the Markdown is shown as text (HTML comments
 * are left out), never rendered. Images are shown only from the CMS's uploads
 * or an http(s) URL (the page's Content-Security-Policy decides which hosts load).
 */
import { mediaUrl } from '@ritme/shared';
import type { Element, ElementContent, Root } from 'hast';
import type { Html } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Only what Markdown (with GitHub's tables, task lists, strikethrough and
 * footnotes) produces. The only ids are the footnotes', which remark-rehype
 * prefixes with `user-content-`, so a body cannot clobber the page's own ids.
 */
const FOOTNOTE_ID = /^(user-content-|footnote-label$)/;
export const MARKDOWN_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    'a',
    'blockquote',
    'br',
    'code',
    'del',
    'em',
    ...HEADINGS,
    'hr',
    'img',
    'input',
    'li',
    'ol',
    'p',
    'pre',
    'section',
    'strong',
    'sup',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'ul',
  ],
  attributes: {
    a: [
      'href',
      'title',
      ['id', FOOTNOTE_ID],
      ['ariaDescribedBy', 'footnote-label'],
      'ariaLabel',
      'dataFootnoteRef',
      'dataFootnoteBackref',
    ],
    img: ['src', 'alt', 'title'],
    code: [['className', /^language-[\w+-]+$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: [
      ['id', FOOTNOTE_ID],
      ['className', 'task-list-item'],
    ],
    ul: [['className', 'contains-task-list']],
    ol: ['start'],
    td: [['align', 'left', 'right', 'center']],
    th: [['align', 'left', 'right', 'center']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: [
      ['id', FOOTNOTE_ID],
      ['className', 'visually-hidden'],
    ],
  },
  // The ids are prefixed already (FOOTNOTE_ID); prefixing again would break the footnote links.
  clobber: [],
  // Replaces the default list: nothing else may carry a URL.
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  strip: ['script', 'style'],
};

const COMMENT = /^<!--[\s\S]*-->$/;

export interface MarkdownOptions {
  /** The CMS's public URL: image paths such as `/uploads/a.png` are its uploads. */
  cmsUrl: string;
  /** The footnotes' heading (for screen readers) and the label of their "back" links, in the page's language. */
  footnoteLabel: string;
  footnoteBackLabel: string;
}

/** Runs after sanitizing: an image's src becomes the CMS upload or http(s) URL it names, or the image its alt text. */
const imagesFromCms = (cmsUrl: string) => (tree: Root) => {
  const walk = (parent: Root | Element) => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (child.tagName === 'img') {
        const src = mediaUrl(child.properties.src, cmsUrl);
        if (src) child.properties.src = src;
        else parent.children[index] = { type: 'text', value: String(child.properties.alt ?? '') } as ElementContent;
        return;
      }
      walk(child);
    });
  };
  walk(tree);
};

/** Safe HTML for a Markdown body. */
export function renderMarkdown(markdown: string, options: MarkdownOptions): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, {
      footnoteLabel: options.footnoteLabel,
      footnoteBackLabel: options.footnoteBackLabel,
      footnoteLabelProperties: { className: ['visually-hidden'] },
      handlers: {
        // Raw HTML becomes visible text (what the editor typed); comments disappear.
        html: (_state, node: Html) =>
          COMMENT.test(node.value.trim()) ? undefined : { type: 'text', value: node.value },
      },
    })
    .use(rehypeSanitize, MARKDOWN_SCHEMA)
    .use(imagesFromCms, options.cmsUrl)
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}
