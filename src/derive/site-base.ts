/** The site URL as a base that relative paths resolve under (always ending in `/`). */
export function siteBase(siteUrl: string): string {
  return siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
}
