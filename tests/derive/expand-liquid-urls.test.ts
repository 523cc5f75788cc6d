import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandLiquidUrls } from "../../src/derive/expand-liquid-urls.js";

const SITE = "https://example.org/blog/";

describe("expandLiquidUrls", () => {
  it("expands Jekyll's URL tags against the site's origin and base path", () => {
    expect(expandLiquidUrls('<img src="{{ site.url }}/images/a.jpg">', SITE)).toBe('<img src="https://example.org/images/a.jpg">');
    expect(expandLiquidUrls("[x]({{site.url}}{{site.baseurl}}/about/)", SITE)).toBe("[x](https://example.org/blog/about/)");
    expect(expandLiquidUrls("[x]({{ site.baseurl }}/about/)", SITE)).toBe("[x](/blog/about/)");
    expect(expandLiquidUrls('![a]({{ "/assets/b.jpg" | relative_url }})', SITE)).toBe("![a](/blog/assets/b.jpg)");
    expect(expandLiquidUrls("![a]({{ 'assets/b.jpg' | absolute_url }})", SITE)).toBe("![a](https://example.org/blog/assets/b.jpg)");
    expect(expandLiquidUrls("[x]({{ site.baseurl }}/a/)", "https://example.org/")).toBe("[x](/a/)");
  });

  it("expands inside indented lines of an HTML block", () => {
    const html = '<figure>\n    <a href="{{ site.url }}/images/a.jpg"><img src="{{ site.url }}/images/a.jpg"></a>\n</figure>';
    expect(expandLiquidUrls(html, SITE)).not.toContain("{{");
  });

  it("leaves code as written: fences, indented code and inline code spans", () => {
    const markdown = [
      "Text with `{{ site.url }}` in code and {{ site.url }} outside.",
      "",
      "```yaml",
      'image: "{{ site.url }}/a.jpg"',
      "```",
      "",
      "    {{ site.url }}/indented-code",
      "",
      "~~~",
      "{{ site.baseurl }}",
      "~~~",
    ].join("\n");
    // Only the tag outside code changes.
    expect(expandLiquidUrls(markdown, SITE)).toBe(markdown.replace("and {{ site.url }} outside", "and https://example.org outside"));
  });

  it("changes nothing in text without Liquid URL tags", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }).filter((text) => !/\{\{\s*['"a-z]/i.test(text)), (text) => {
        expect(expandLiquidUrls(text, SITE)).toBe(text);
      }),
    );
  });
});
