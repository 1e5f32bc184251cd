export function SkipLink() {
  return (
    <a
      href="#hovedinnhold"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-dark"
    >
      Hopp til hovedinnholdet
    </a>
  );
}
