/** Decorative: three communities of practice, their members, and the links between them. */
export function HeroArt() {
  const communities = [
    { x: 86, y: 84, r: 54 },
    { x: 238, y: 72, r: 44 },
    { x: 168, y: 198, r: 48 },
  ];
  const members = [
    [62, 66],
    [104, 62],
    [80, 108],
    [114, 100],
    [56, 96],
    [222, 56],
    [256, 62],
    [236, 92],
    [146, 182],
    [186, 180],
    [160, 218],
    [194, 212],
  ];
  return (
    <svg className="hero__art" viewBox="0 0 320 260" aria-hidden="true" focusable="false">
      <path className="hero-art__link" d="M86 84L238 72M86 84L168 198M238 72L168 198" />
      {communities.map((c) => (
        <circle key={`${c.x}-${c.y}`} className="hero-art__community" cx={c.x} cy={c.y} r={c.r} />
      ))}
      {members.map(([x, y]) => (
        <circle key={`${x}-${y}`} className="hero-art__member" cx={x} cy={y} r="8" />
      ))}
      <circle className="hero-art__bridge" cx="140" cy="108" r="9" />
      <circle className="hero-art__bridge" cx="206" cy="132" r="9" />
    </svg>
  );
}
