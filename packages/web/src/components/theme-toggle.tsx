import { useEffect, useState } from "react";

type Theme = "light" | "dark";

const stored = (): Theme | undefined => {
  const value = localStorage.getItem("lading-theme");
  return value === "light" || value === "dark" ? value : undefined;
};
const preferred = (): Theme =>
  matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";

/** Switches between the light and dark theme; the choice is remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => stored() ?? preferred());
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const next = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      className="ghost"
      aria-label={`switch to ${next} theme`}
      onClick={() => {
        localStorage.setItem("lading-theme", next);
        setTheme(next);
      }}
    >
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
