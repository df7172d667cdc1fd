// For tests: a Python script that reads vCards with Debian's python3-vobject (software nobody here
// wrote) and prints each card's properties as JSON, so a test can compare them with what was written.
// Run it with testing/external.ts runPython after missingTool('vobject').
// Each property as vobject reads it: name, parameters (upper-case names, value lists) and value
// (N and ADR as their parts, ORG as its list).
export const VOBJECT_DUMP = `
import sys, json, vobject
def ser(v):
    if isinstance(v, vobject.vcard.Name):
        return {k: getattr(v, k) for k in ('family', 'given', 'additional', 'prefix', 'suffix')}
    if isinstance(v, vobject.vcard.Address):
        return {k: getattr(v, k) for k in ('box', 'extended', 'street', 'city', 'region', 'code', 'country')}
    if isinstance(v, (list, tuple)):
        return [ser(x) for x in v]
    return v if isinstance(v, str) else str(v)
cards = []
for card in vobject.readComponents(sys.stdin.read()):
    cards.append([{'name': c.name, 'params': {k.upper(): [x.lower() for x in v] for k, v in c.params.items()}, 'value': ser(c.value)} for c in card.getChildren()])
print(json.dumps(cards, ensure_ascii=False))
`;

export interface VoProp {
  name: string;
  params: Record<string, string[]>;
  value: unknown;
}
