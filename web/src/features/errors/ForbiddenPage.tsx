import { ErrorResult } from './ErrorResult';

export default function ForbiddenPage({ embedded = false }: { embedded?: boolean }) {
  return <ErrorResult status="403" titleKey="error.forbidden.title" textKey="error.forbidden.text" embedded={embedded} />;
}
