import { BarChart } from "echarts/charts"
import { AriaComponent, GridComponent, TooltipComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { CanvasRenderer } from "echarts/renderers"
import { useEffect, useRef } from "react"
import type { EChartsCoreOption } from "echarts/core"

// Only what the screens draw: bars on a grid, tooltips, the ARIA description (keeps the chunk small).
echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer])

/**
 * An ECharts chart. Charts are pictures for sighted users: `label` describes it, and every chart on a screen has
 * the same figures in a table beside it for keyboards and screen readers.
 */
export function Chart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | undefined>(undefined)
  useEffect(() => {
    // A browser without canvas (or a test DOM) keeps the tables, which carry the same figures.
    if (!element.current || !document.createElement("canvas").getContext?.("2d")) return
    const instance = echarts.init(element.current, undefined, { renderer: "canvas" })
    chart.current = instance
    const resize = () => instance.resize()
    window.addEventListener("resize", resize)
    return () => {
      window.removeEventListener("resize", resize)
      instance.dispose()
      chart.current = undefined
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, textStyle: { fontFamily: "Be Vietnam Pro" }, ...option }, true)
  }, [option])
  return <div ref={element} role="img" aria-label={label} style={{ height, width: "100%" }} />
}
