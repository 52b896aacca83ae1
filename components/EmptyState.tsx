export function EmptyState() {
  return (
    <div class="empty" role="status">
      <p>
        <strong>Your shelf is empty.</strong>
      </p>
      <p>
        Visit{' '}
        <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
          huggingface.co/papers
        </a>{' '}
        and browse as usual: every paper you see is kept here, on this computer only.
      </p>
    </div>
  );
}
