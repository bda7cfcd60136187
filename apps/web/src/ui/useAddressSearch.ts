import { useEffect, useRef, type FormEvent, type RefObject } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A search whose every filter lives in the address, so it can be shared and the back button works:
 * the address's values of `keys`, a form handler that puts the form's filled fields there, and `go`
 * to other parameters (the next page). Either marks the search as asked (`asked`, for
 * `useFocusAfterSearch`).
 */
export function useAddressSearch<P>(keys: readonly string[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = Object.fromEntries(
    keys.flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key)!]] : [])),
  ) as P;
  const asked = useRef(false);
  const go = (next: URLSearchParams) => {
    asked.current = true;
    setSearchParams(next);
  };
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget))
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    go(next);
  };
  return { searchParams, params, search, go, asked };
}

/** After a search the person hears the count: once its results are in, focus moves to the results heading. */
export function useFocusAfterSearch(asked: RefObject<boolean>, isFetching: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asked.current && !isFetching) {
      asked.current = false;
      heading.current?.focus();
    }
  }, [asked, isFetching]);
  return heading;
}
