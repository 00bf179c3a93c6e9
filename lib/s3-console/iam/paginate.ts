/** IAM's Marker / IsTruncated pagination, collected (IAM entity lists are small: thousands at most). */
export async function collectPages<Page extends { IsTruncated?: boolean; Marker?: string }, Item>(
  fetchPage: (marker: string | undefined) => Promise<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const all: Item[] = [];
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    all.push(...(items(page) ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return all;
}
