// The chart frame's context: layer components inside a ChartFrame read its size and scales here
// (LayerCake's getContext('LayerCake')), instead of taking them as props.
import { createContext } from 'svelte';
import type { FrameContext } from '../../charts/frame';

const [getFrame, setFrame] = createContext<FrameContext>();

/** The enclosing ChartFrame's size, scales and probe state (call during a layer's init). */
export const getChartFrame = getFrame;
/** Provides the frame's context to its layers (ChartFrame calls it). */
export const setChartFrame = setFrame;
