/**
 * Analytical products. {@link org.insight.report.Reports} makes them for a session ({@code Reports.of(session)}), each
 * as one audited read; {@link org.insight.report.Product} is the data model an embedding application may use as it
 * is; {@link org.insight.report.HtmlProduct}, {@link org.insight.report.ProductCsv},
 * {@link org.insight.report.ProductFigures} and {@link org.insight.report.ProductPdf} write it out.
 */
package org.insight.report;
