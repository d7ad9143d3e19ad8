// a person acts only inside the subtree of their own organisation. Organisations carry a
// materialised path ("/1/4/9/"), so "inside the subtree" is a prefix test, in SQL and here alike.

export function organisationPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isWithinSubtree(actorPath: string, targetPath: string): boolean {
  return targetPath.startsWith(actorPath);
}

export function ancestorIds(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}
