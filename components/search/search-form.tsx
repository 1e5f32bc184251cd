type Props = {
  /** Where the form is sent, as a GET request with the words in `q`: `/sok` or `/unge/sok`. */
  action: string;
  /** The visible label; it also names the search landmark, so two forms on a page need two labels. */
  label: string;
  /** The field's id; the label's and the error's ids are made from it. */
  id: string;
  defaultValue?: string;
  /** Shown under the field and linked to it, e.g. when the query is too long. */
  error?: string;
};

/** A plain HTML search form: it works without JavaScript, and the browser sends it as it is. */
export function SearchForm({ action, label, id, defaultValue = '', error }: Props) {
  const errorId = `${id}-feil`;
  return (
    <form action={action} method="get" role="search" aria-labelledby={`${id}-etikett`}>
      <label id={`${id}-etikett`} htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          name="q"
          type="search"
          // A new query (say, after following the header's link back to an empty /sok) resets the field.
          key={defaultValue}
          defaultValue={defaultValue}
          // Search words are private: the browser should not offer them again to the next person.
          autoComplete="off"
          enterKeyHint="search"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="input min-w-0 flex-1"
        />
        <button type="submit" className="shrink-0 rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
          Søk
        </button>
      </div>
    </form>
  );
}
