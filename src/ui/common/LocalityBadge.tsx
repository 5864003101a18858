interface Props {
  locality: 'local' | 'remote';
}

/** Where the model runs: on this machine or a remote service. */
export function LocalityBadge({ locality }: Props) {
  return (
    <span
      class={`badge badge-${locality}`}
      title={locality === 'local' ? 'Runs in your browser or on your own machine' : 'Runs on a remote service'}
    >
      {locality === 'local' ? 'Local' : 'Remote'}
    </span>
  );
}
