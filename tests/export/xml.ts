/** A small strict XML reader for tests: fails on unbalanced or malformed markup. */

/** One element. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    const value = ENTITIES[name]
    if (value === undefined) throw new Error(`unknown entity ${whole}`)
    return value
  })
}

/** Parses a document and returns its root element; throws on malformed XML. */
export function parseXml(source: string): XmlElement {
  const text = source.replace(/^<\?xml[^>]*\?>\s*/, '')
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  const token =
    /<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g
  let match: RegExpExecArray | null
  while ((match = token.exec(text))) {
    const [whole, close, open, attrText, selfClose, chars, stray] = match
    if (stray)
      throw new Error(
        `malformed markup at ${match.index}: ${text.slice(match.index, match.index + 40)}`,
      )
    if (whole.startsWith('<!--')) continue
    const top = stack[stack.length - 1]!
    if (chars !== undefined) {
      if (stack.length === 1 && chars.trim()) throw new Error('text outside the root element')
      top.text += decode(chars)
    } else if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`)
      stack.pop()
    } else if (open) {
      const attributes: Record<string, string> = {}
      for (const [, name, value] of (attrText ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (name! in attributes) throw new Error(`duplicate attribute ${name}`)
        attributes[name!] = decode(value!)
      }
      const element: XmlElement = { name: open, attributes, children: [], text: '' }
      top.children.push(element)
      if (!selfClose) stack.push(element)
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`)
  if (root.children.length !== 1) throw new Error('expected exactly one root element')
  return root.children[0]!
}

/** Every element below (and including) `element`, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)]
}

/** All text inside an element. */
export function textOf(element: XmlElement): string {
  return element.text + element.children.map(textOf).join('')
}
