"use client";
// A failed page in this segment (issue 21, point 1): the reference id and a retry (components/layout/error-notice.tsx).
import { ErrorNotice } from "@/components/layout/error-notice";

export default ErrorNotice;
