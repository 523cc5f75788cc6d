/** Output path of the browser-view stylesheet, relative to the output folder. */
export const FEED_XSL_FILE = "feed.xsl";

/**
 * The browser view of `rss.xml` and `atom.xml` (XSLT 1.0, one stylesheet for both formats,
 * namespace-aware): a browser that opens a feed shows what a feed is, the address to paste
 * into a feed reader, and the items with their dates and summaries, instead of raw XML.
 * Content HTML is never rendered here (Firefox cannot disable output escaping), only text.
 */
export const FEED_XSL = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>

  <xsl:template match="/">
    <html lang="{/rss/channel/language | /atom:feed/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          body{font:17px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}
          a{color:#0b5cad}.about{background:#f3f6fa;border:1px solid #d5dfea;border-radius:6px;padding:.75rem 1rem}
          code{word-break:break-all;background:#fff;padding:.1rem .3rem;border:1px solid #d5dfea;border-radius:3px}
          .meta{color:#555;font-size:.9rem}ul{list-style:none;padding:0}li{margin:0 0 1.25rem}
        </style>
      </head>
      <body>
        <section class="about">
          <p><strong>This is a web feed</strong>, also known as RSS or Atom. Feed readers use it to show
          you new articles from <a href="{$home}"><xsl:value-of select="$title"/></a> as soon as they are published.</p>
          <p>To subscribe, copy this address into your feed reader (NetNewsWire, Feedly, Miniflux, Thunderbird...):
          <code><xsl:value-of select="$self"/></code></p>
        </section>
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
        <ul>
          <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
        </ul>
        <p class="meta"><a href="{$home}">Visit the website</a></p>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <div class="meta"><xsl:value-of select="pubDate"/></div>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <div class="meta"><xsl:value-of select="substring(atom:published, 1, 10)"/></div>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
`;
