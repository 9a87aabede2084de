/** Snippet parts from the search index, matches wrapped in <mark> (text nodes only, never HTML). */
import type { SnippetPart } from '../../../../preload/contract';

/** Renders SnippetPart[] with highlighted hits. */
export function Highlight({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
