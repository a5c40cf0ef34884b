import { newsChannelTexts, type NewsLanguage } from '../../shared/news-feed-api';
import { websiteNewsLink, type NewsPage } from './news-feed';

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F)
 * and C1 controls, which it allows but no reader shows: dropped rather than making the feed
 * unreadable. Validated articles hold none; this guards the document, not the data.
 */
const notForXml = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text for an element or an attribute value; a carriage return survives parsing as &#13;. */
export function xmlText(text: string): string {
  return text
    .replace(notForXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value: a parser would turn its line breaks and tabs into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
/** RFC 822 as RSS 2.0 asks, in GMT: `Tue, 10 Mar 2026 09:00:00 GMT`. */
const rfc822 = (iso: string) => new Date(iso).toUTCString();

/**
 * The page as an RSS 2.0 document. The description is the summary, or the whole text when the
 * article has none; both are plain text.
 */
export function newsRss(
  page: NewsPage,
  lang: NewsLanguage,
  websiteUrl: string,
  selfUrl: string,
): string {
  const channel = newsChannelTexts[lang];
  const newest = page.items[0];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', channel.title),
    element('link', websiteNewsLink(websiteUrl, lang)),
    element('description', channel.description),
    element('language', `${lang}-MA`),
    `<atom:link href="${xmlAttribute(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [element('lastBuildDate', rfc822(newest.publishedAt))] : []),
    ...page.items.map((item) =>
      [
        '<item>',
        element('title', item.title),
        element('link', item.link),
        element('description', item.summary ?? item.body),
        element('pubDate', rfc822(item.publishedAt)),
        `<guid isPermaLink="false">${xmlText(item.id)}</guid>`,
        '</item>',
      ].join('\n'),
    ),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}
