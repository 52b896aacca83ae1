/** Weekly counts as a tiny bar chart; decorative, the count is given in text beside it. */
export function Sparkline({ values }: { values: number[] }) {
  const max = Math.max(1, ...values);
  const width = values.length * 4;
  return (
    <svg class="sparkline" width={width} height={14} viewBox={`0 0 ${width} 14`} aria-hidden="true">
      {values.map((value, index) => {
        const height = Math.max(value > 0 ? 2 : 0.5, (value / max) * 14);
        return <rect key={index} x={index * 4} y={14 - height} width={3} height={height} />;
      })}
    </svg>
  );
}
